# startup-hook.tcl: the end point of bench/startup.sh. main.tcl sources the
# file named by KIOSK_TEST_HOOK once its first screen is up (ui/README.md);
# this one waits for the kiosk's ordinary start (prepare, which opens the
# course database, then attract), goes straight on to the course map as a
# student's first click would, and exits as soon as the course map is
# drawn. It changes nothing else and is never loaded outside the benchmark.

namespace eval ::kiosk::bench {}

# The attract screen is up: on to the course map (no sign-in: the benchmark
# times the machine, not a student choosing a name).
proc ::kiosk::bench::Attract {args} {
    after idle {::kiosk::ui::app::goto coursemap}
}

# The course map's show returned: let Tk lay it out and paint it, then stop.
proc ::kiosk::bench::Drawn {args} {
    update
    exit 0
}

# Anything else is a failed run, not a fast one.
proc ::kiosk::bench::Failed {args} {
    puts stderr "startup-hook: the kiosk showed its error screen:\
        [lrange [lindex $args 0] 1 2]"
    exit 3
}

trace add execution ::kiosk::ui::attract::show leave ::kiosk::bench::Attract
trace add execution ::kiosk::ui::coursemap::show leave ::kiosk::bench::Drawn
trace add execution ::kiosk::ui::error::show leave ::kiosk::bench::Failed
# When prepare was quicker than this hook, attract (or error) is up already.
switch -- [lindex [::kiosk::ui::app::screen] 0] {
    attract { ::kiosk::bench::Attract }
    error   { ::kiosk::bench::Failed [::kiosk::ui::app::screen] }
}
after 20000 {puts stderr "startup-hook: no course map after 20 s"; exit 4}
