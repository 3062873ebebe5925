# breakout-hook.tcl: the locked kiosk's side of breakout.test, sourced by
# main.tcl through KIOSK_TEST_HOOK once the first screen is up. It only
# puts screens up and says where the kiosk is; every attempt to get out
# comes from outside the process (xdotool, wmctrl). Commands arrive as a
# file, $BREAKOUT_DIR/cmd (written elsewhere and renamed there), one line:
#   show NAME STEP   put screen NAME up (the table below) at text STEP
#   state            say which screen is up
#   bgerror          raise a background error
#   repair 0|1       turn the lock's window repair off and on again
#                    (only for the test that shows the check can fail)
#   log              the operator log's kinds, newest first
#   widget PATH      the root x y width height of the current screen's
#                    widget PATH (relative to the screen's frame)
# and each answer goes to $BREAKOUT_DIR/reply as "SEQ ANSWER" (SEQ: the
# command's first word after its own SEQ). A restarted kiosk sources this
# again and notes its pid in $BREAKOUT_DIR/pids.

namespace eval ::breakout {
    variable dir $::env(BREAKOUT_DIR)
    source [file join $::env(BREAKOUT_TESTDIR) quizkit.tcl]
    set ch [open [file join $dir pids] a]
    puts $ch [pid]
    close $ch
    # Names long enough to need wrapping, on the who screen and the desk.
    variable names {
        Alexandra-Konstantina Papadopoulou-Vandersloot
        Jo
        Maximilian Theodor Wolfgang Habsburg-Lothringen
    }
    variable screens {
        attract {goto attract}
        who {goto who}
        who-new {
            goto who
            ::kiosk::ui::who::New [F]
            [F].new.e insert end "Bartholomew Featherstonehaugh-Cholmondeley"
        }
        coursemap {signIn; goto coursemap s3-silk-road}
        lesson {signIn; goto lesson s3-silk-road 2}
        quiz {
            signIn
            set q [quizkit::pick [::kiosk::ui::app::course] choice]
            goto quiz -resume [::kiosk::ui::quiz::start [list $q] \
                -title "A quiz" -record 0]
        }
        quiz-feedback {
            signIn
            set q [quizkit::pick [::kiosk::ui::app::course] order]
            goto quiz -resume [::kiosk::ui::quiz::start [list $q] \
                -title "A quiz" -record 0]
            ::kiosk::ui::quiz::Answer [F] [quizkit::wrong $q]
        }
        results {
            signIn
            set q [lindex [[::kiosk::ui::app::course] quiz -stages s1-caution -seed 1] 0]
            goto results [dict create title Test stages s1-caution pack "" \
                points 0 max 1 share 0.0 pass 0.6 passed 0 \
                items [list [dict create question $q answer "" score ""]]]
        }
        map {signIn; goto map}
        charts {signIn; goto charts}
        review {signIn; goto review}
        pin {goto pin leave}
        desk {
            ::kiosk::ui::desk::unlock
            goto desk students
        }
        desk-results {
            ::kiosk::ui::desk::unlock
            goto desk results
        }
        error {
            goto error "A test error" \
                "data/figures.csv:3:7: amount \"12,x\" is not a number" "" \
                {KIOSK CSV VALUE data/figures.csv 3 7}
        }
    }
    variable seq 0
}

proc ::breakout::F {} { return $::kiosk::ui::app::frame }

proc ::breakout::goto {args} { ::kiosk::ui::app::goto {*}$args }

proc ::breakout::signIn {} {
    foreach s [::kiosk::ui::app::students] {
        if {[dict get $s name] eq "Layout"} {
            ::kiosk::ui::app::setStudent [dict get $s id]
            return
        }
    }
    ::kiosk::ui::app::setStudent [::kiosk::ui::app::addStudent Layout]
}

proc ::breakout::Students {} {
    variable names
    set have [lmap s [::kiosk::ui::app::students] {dict get $s name}]
    foreach n $names {
        if {$n ni $have} { ::kiosk::ui::app::addStudent $n }
    }
}

proc ::breakout::Reply {seq text} {
    variable dir
    set ch [open [file join $dir reply.tmp] w]
    puts $ch "$seq $text"
    close $ch
    file rename -force [file join $dir reply.tmp] [file join $dir reply]
}

proc ::breakout::Do {seq cmd args} {
    variable screens
    switch -- $cmd {
        show {
            lassign $args name step
            ::kiosk::ui::desk::lock
            ::kiosk::ui::app::setStudent ""
            namespace eval ::breakout [dict get $screens $name]
            ::kiosk::ui::theme::setStep $step
            update
            ::kiosk::ui::app::ViewFit
            update
            return [lindex [::kiosk::ui::app::screen] 0]
        }
        state {
            return [lindex [::kiosk::ui::app::screen] 0]
        }
        bgerror {
            after 0 {error "a background error from breakout.test"}
            return ok
        }
        repair {
            set ::kiosk::ui::lock::locked [lindex $args 0]
            if {[lindex $args 0]} { ::kiosk::ui::lock::Patrol }
            return ok
        }
        log {
            return [lmap e [[::kiosk::ui::app::records] log list] {
                dict get $e kind
            }]
        }
        widget {
            set w [F][lindex $args 0]
            return [list [winfo rootx $w] [winfo rooty $w] \
                [winfo width $w] [winfo height $w]]
        }
    }
    error "unknown command $cmd"
}

proc ::breakout::Poll {} {
    variable dir
    set file [file join $dir cmd]
    if {[file exists $file]} {
        set ch [open $file]
        set line [string trim [read $ch]]
        close $ch
        file delete $file
        set seq [lindex $line 0]
        if {[catch {Do {*}$line} out]} {
            set out "error: $out"
        }
        Reply $seq $out
    }
    after 50 ::breakout::Poll
}

::breakout::Students
::breakout::Poll
