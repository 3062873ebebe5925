# resume.tcl: "Welcome back" — offered when a student picks their name and
# has a quiz left unfinished (the kiosk was switched off, killed, or left
# idle in the middle). Every answer they gave is already in the records;
# "Carry on" reopens the quiz at the first question not answered, with the
# answers given intact; "Start afresh" closes it (its answers stay in the
# records, marked abandoned).
#
# A resumed quiz runs as it began: its title, time limit, feedback mode and
# pass mark are the ones the quiz runner kept with the attempt when it
# started (quiz::settings). The time left is the limit less the time from
# the attempt's start to its last answer: the time after the last answer
# (up to a crash, or until the kiosk went idle) is not counted, since when
# the student stopped is not known; with no answer yet, the full limit.

namespace eval ::kiosk::ui::resume {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    namespace export pending start
    # Per frame: attempt (the unfinished attempt dict).
    variable state
}

# The student's unfinished attempt dict (doc/records.md), or "".
proc ::kiosk::ui::resume::pending {student} {
    set rec [records]
    if {$rec eq "" || $student eq ""} { return "" }
    if {[catch {$rec attempt unfinished $student} a]} { return "" }
    return $a
}

# show FRAME STUDENT
proc ::kiosk::ui::resume::show {f student} {
    variable state
    set a [pending $student]
    if {$a eq ""} {
        after idle [list ::kiosk::ui::app::goto coursemap]
        return
    }
    set state($f,attempt) $a
    bind $f <Destroy> +[list ::kiosk::ui::resume::Forget %W]
    header $f -title [mc "Welcome back"] -back [list ::kiosk::ui::resume::Later $f]
    ttk::frame $f.box -padding 40
    ttk::label $f.box.title -style Title.TLabel -text \
        [mc "You have a quiz to finish: %s" [Title $a]]
    set n [llength [dict get $a answers]]
    set m [dict get $a questions]
    set m [llength $m]
    ttk::label $f.box.what -font KioskBig -wraplength 900 -justify left -text \
        [mc "You answered %d of its %d questions. Your answers are saved." $n $m]
    ttk::label $f.box.when -style Muted.TLabel -text \
        [mc "Started %s." [clock format [Scan [dict get $a started]] \
            -format "%d %b %Y, %H:%M"]]
    ttk::frame $f.box.buttons
    ttk::button $f.box.buttons.go -text [mc "Carry on \u2192"] -style Accent.TButton \
        -command [list ::kiosk::ui::resume::Continue $f]
    ttk::button $f.box.buttons.fresh -text [mc "Start afresh"] \
        -command [list ::kiosk::ui::resume::Fresh $f]
    grid $f.box.buttons.go $f.box.buttons.fresh -padx {0 12}
    grid $f.box.title -sticky w
    grid $f.box.what -sticky w -pady {16 4}
    grid $f.box.when -sticky w -pady {0 24}
    set st [Settings $a]
    if {[dict exists $st time] && [dict get $st time] > 0} {
        set left [TimeLeft $a [dict get $st time]]
        ttk::label $f.box.time -font KioskBig -text \
            [mc "It has a time limit: %d:%02d left when you carry on." \
                [expr {$left / 60}] [expr {$left % 60}]]
        grid $f.box.time -row 2 -sticky w -pady {0 4}
        grid configure $f.box.when -row 3
    }
    grid $f.box.buttons -sticky w
    grid $f.box -row 2 -column 0 -sticky nw
    grid columnconfigure $f 0 -weight 1
    focus $f.box.buttons.go
}

# The title of attempt A: its stage's, its pack's, or "Review".
proc ::kiosk::ui::resume::Title {a} {
    switch -- [dict get $a kind] {
        review { return [mc "Review"] }
        pack {
            set id [dict get $a pack]
            if {![catch {[records] packs get $id} p]} {
                return [dict get $p title]
            }
            return $id
        }
    }
    if {[dict exists $a stage] && [course] ne ""
            && ![catch {[course] stage [dict get $a stage]} s]} {
        return [dict get $s title]
    }
    return [mc "Quiz"]
}

# Start the quiz runner on unfinished attempt A (doc/records.md): its
# questions, the answers already given (scored as recorded), its settings.
# Returns the token for `goto quiz -resume`.
proc ::kiosk::ui::resume::start {a} {
    set qs [dict get $a questions]
    set answers [lrepeat [llength $qs] {}]
    foreach ans [dict get $a answers] {
        set i [dict get $ans index]
        set q [lindex $qs $i]
        # The score as recorded; the course adds the words of the right
        # answer and any option feedback for the feedback panel.
        set score [dict create correct [dict get $ans correct] \
            credit [dict get $ans credit] points [dict get $ans points]]
        if {[course] ne "" && ![catch {[course] score $q [dict get $ans answer]} s]} {
            set score [dict merge $s $score]
        }
        lset answers $i [list [dict get $ans answer] $score]
    }
    set opts [list -answers $answers -attempt [dict get $a id]]
    if {[dict exists $a stage]} { lappend opts -stages [list [dict get $a stage]] }
    if {[dict exists $a pack]} { lappend opts -pack [dict get $a pack] }
    set st [Settings $a]
    lappend opts -title [expr {[dict exists $st title] ? [dict get $st title] : [Title $a]}]
    foreach k {feedback pass} {
        if {[dict exists $st $k]} { lappend opts -$k [dict get $st $k] }
    }
    if {[dict exists $st time] && [dict get $st time] > 0} {
        lappend opts -time [TimeLeft $a [dict get $st time]]
    }
    return [::kiosk::ui::quiz::start $qs {*}$opts]
}

# The settings attempt A began with (title time feedback pass); for one
# recorded without them, a pack attempt's pack settings when the pack is
# still installed.
proc ::kiosk::ui::resume::Settings {a} {
    set st [::kiosk::ui::quiz::settings [dict get $a questions]]
    if {[llength $st] || [dict get $a kind] ne "pack"} { return $st }
    if {[catch {
        set p [[records] packs get [dict get $a pack]]
        set pack [::kiosk::pack parse [dict get $a pack].pack -text [dict get $p text]]
    }]} {
        return {}
    }
    set st {}
    foreach {k v} [::kiosk::ui::quiz::PackSettings [dict get $pack settings]] {
        dict set st [string range $k 1 end] $v
    }
    return $st
}

# Seconds left of attempt A's time limit LIMIT: the limit less the time
# from its start to its last answer, at least 1 (a limit used up ends the
# quiz as soon as it is shown).
proc ::kiosk::ui::resume::TimeLeft {a limit} {
    set t0 [Scan [dict get $a started]]
    set last $t0
    foreach ans [dict get $a answers] {
        if {[dict exists $ans answered]} {
            set last [expr {max($last, [Scan [dict get $ans answered]])}]
        }
    }
    # Left on purpose (quiz::MarkLeft): the time until then counts too.
    set rec [records]
    if {$rec ne "" && ![catch {$rec settings get "attempt.[dict get $a id].left-at"} t]
            && [string is wide -strict $t]} {
        set last [expr {max($last, $t)}]
    }
    return [expr {max(1, $limit - ($last - $t0))}]
}

# An ISO 8601 UTC time of the records as Unix seconds.
proc ::kiosk::ui::resume::Scan {iso} {
    return [clock scan $iso -format %Y-%m-%dT%H:%M:%SZ -timezone :UTC]
}

proc ::kiosk::ui::resume::Continue {f} {
    variable state
    goto quiz -resume [start $state($f,attempt)]
}

proc ::kiosk::ui::resume::Fresh {f} {
    variable state
    catch {[records] attempt abandon [dict get $state($f,attempt) id]}
    goto coursemap
}

# Back: decide another time; the quiz stays open.
proc ::kiosk::ui::resume::Later {f} {
    goto coursemap
}

proc ::kiosk::ui::resume::Forget {f} {
    variable state
    array unset state $f,*
}
