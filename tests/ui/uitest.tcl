# uitest.tcl: helpers for the UI suites. Loads the real kiosk UI into the
# test interpreter (main.tcl with ::kiosk::ui::main::embed set, so it
# defines its procs and returns), starts it on temporary databases, and
# drives it with `event generate`, as a student would with the keyboard.
#
#   uitest::start ?ARG ...?   start the kiosk (extra command-line args)
#   uitest::waitScreen NAME   wait (at most 10 s) until screen NAME is up
#   uitest::frame             the current screen's frame
#   uitest::press W KEYSYM    focus W and send it the key (e.g. Return,
#                             Key-a, Control-plus, Shift-Up)
#   uitest::type W TEXT       type TEXT into entry W
#   uitest::click W           press and release mouse button 1 on W
#   uitest::clickAt W X Y     ... at X,Y, after entering and moving there
#   uitest::shot NAME         screenshot of the display into the tmpdir;
#                             returns the file name
#   uitest::course            the kiosk's course object (the package's)
#   uitest::quiz QUESTIONS ?OPTION VALUE ...?
#                             start the quiz runner on these questions
#                             (quiz::start, its options; unrecorded unless
#                             -record 1) and show it; returns the token
#   uitest::give ANSWER       answer the question on screen with ANSWER (as
#                             `score` takes it) through keys and clicks
#   uitest::giveRight / giveWrong
#                             ... with quizkit::right / quizkit::wrong of it
#   uitest::current           the question dict on screen
#
# Questions and their answers come from quizkit.tcl (the real course).

package require tcltest 2.5

namespace eval ::uitest {
    variable dir [file dirname [file normalize [info script]]]
    variable started 0
}
source [file join $::uitest::dir quizkit.tcl]

proc ::uitest::tmp {name} {
    return [file join [tcltest::configure -tmpdir] $name]
}

# Start the kiosk once for the whole suite file, windowed, on databases in
# the test tmpdir. Returns when the first screen after "prepare" is up.
proc ::uitest::start {args} {
    variable started
    variable dir
    global env
    if {$started} { return }
    set started 1
    namespace eval ::kiosk::ui::main { variable embed 1 }
    source [file join $env(KIOSK_UIDIR) main.tcl]
    # A background error fails loudly instead of opening a dialog.
    proc ::bgerror {msg} {
        puts stderr "background error: $::errorInfo"
        set ::uitest::bgerror $msg
    }
    file delete -force [tmp course.db] [tmp records.db]
    set status [::kiosk::ui::main::start [list --windowed \
        --db [tmp course.db] --records [tmp records.db] {*}$args]]
    if {$status ne ""} { error "kiosk did not start: $status" }
    wm geometry . 1280x1000+0+0
    update
    # The package's course, or the suite fails: there is no stand-in.
    if {[waitScreen {attract error}] ne "attract"} {
        error "the kiosk did not open the course:\
            [uitest::labels [frame]]"
    }
}

# Wait until the current screen is one of NAMES; returns its name.
proc ::uitest::waitScreen {names {ms 10000}} {
    set end [expr {[clock milliseconds] + $ms}]
    while {[clock milliseconds] < $end} {
        update
        set cur [lindex [::kiosk::ui::app::screen] 0]
        if {$cur in $names} {
            update
            return $cur
        }
        after 20
    }
    error "timed out waiting for screen $names (on [::kiosk::ui::app::screen])"
}

proc ::uitest::frame {} {
    return $::kiosk::ui::app::frame
}

proc ::uitest::settle {} {
    update
    update idletasks
    update
}

proc ::uitest::press {w keysym} {
    focus -force $w
    settle
    set class [winfo class $w]
    event generate $w <$keysym>
    settle
    # A ttk button invokes from an idle callback after a short delay.
    if {$class in {TButton TCheckbutton TRadiobutton}} {
        after 120
        settle
    }
}

proc ::uitest::type {w text} {
    focus -force $w
    settle
    foreach ch [split $text ""] {
        $w insert insert $ch
    }
    settle
}

proc ::uitest::click {w} {
    clickAt $w 5 5
    after 150
    settle
}

# Press and release button 1 at X,Y in W the way a real pointer does: it
# enters W and moves there first. Widgets that pick what is under the
# pointer from its last motion (a text widget's `current` mark, a canvas's
# current item) see the same events as from a hand, wherever the real
# pointer of the display happens to be.
proc ::uitest::clickAt {w x y} {
    settle
    event generate $w <Enter> -x $x -y $y
    event generate $w <Motion> -x $x -y $y
    event generate $w <ButtonPress-1> -x $x -y $y
    event generate $w <ButtonRelease-1> -x $x -y $y
    settle
}

proc ::uitest::shot {name} {
    settle
    after 200
    settle
    set file [tmp $name.png]
    exec import -window root $file
    return $file
}

# 1 when FILE is a PNG of more than MIN bytes.
proc ::uitest::isPng {file {min 8000}} {
    set ch [open $file rb]
    set head [read $ch 8]
    close $ch
    return [expr {$head eq "\x89PNG\r\n\x1a\n" && [file size $file] > $min}]
}

proc ::uitest::course {} {
    return [::kiosk::ui::app::course]
}

# Start a quiz run on QUESTIONS (question dicts) through the runner's
# entry and show it. OPTIONS as quiz::start's. Returns the token.
proc ::uitest::quiz {questions args} {
    set token [::kiosk::ui::quiz::start $questions \
        {*}[dict merge {-title {Test quiz} -record 0} $args]]
    ::kiosk::ui::app::goto quiz -resume $token
    waitScreen quiz
    return $token
}

# The question on screen.
proc ::uitest::current {} {
    set run [::kiosk::ui::quiz::Run [frame]]
    return [lindex [dict get $run questions] [dict get $run i]]
}

proc ::uitest::giveRight {} {
    set q [current]
    give [quizkit::right $q]
    return [dict get $q kind]
}

proc ::uitest::giveWrong {} {
    set q [current]
    give [quizkit::wrong $q]
    return [dict get $q kind]
}

# Answer the question on screen with ANSWER, through the keyboard as a
# student would (the match lists are set through their comboboxes).
proc ::uitest::give {answer} {
    set f [frame]
    set q [current]
    switch -- [dict get $q kind] {
        choice - tf {
            press $f.q.a.o1 Key-[string index abcdefgh $answer]
        }
        multi {
            foreach i $answer { press $f.q.a.o1 Key-[string index abcdefgh $i] }
            press $f.nav.check space
        }
        year - number - text {
            type $f.q.a.e $answer
            press $f.q.a.e Return
        }
        order {
            # Bring each wanted item up to its place: choose it with the
            # arrow keys, move it with Shift+Up.
            set l $f.q.a.list
            set pos 0
            foreach want $answer {
                set at [lsearch -exact $::kiosk::ui::quiz::state($f,order) $want]
                while {$::kiosk::ui::quiz::state($f,osel) < $at} { press $l Down }
                while {$::kiosk::ui::quiz::state($f,osel) > $at} { press $l Up }
                for {} {$at > $pos} {incr at -1} { press $l Shift-Up }
                incr pos
            }
            press $l Return
        }
        match {
            set i 0
            foreach a $answer {
                $f.q.a.c$i set $a
                incr i
            }
            press $f.nav.check space
        }
        default { error "uitest: cannot answer a [dict get $q kind] question" }
    }
}

# The text of every label under W, in stacking order.
proc ::uitest::labels {w} {
    set out {}
    set todo [list $w]
    while {[llength $todo]} {
        set todo [lassign $todo x]
        if {[winfo class $x] eq "TLabel"} { lappend out [$x cget -text] }
        lappend todo {*}[winfo children $x]
    }
    return $out
}

# 1 when widget W lies wholly inside the main window.
proc ::uitest::inside {w} {
    settle
    set x0 [winfo rootx .] ; set y0 [winfo rooty .]
    set x1 [expr {$x0 + [winfo width .]}] ; set y1 [expr {$y0 + [winfo height .]}]
    set wx [winfo rootx $w] ; set wy [winfo rooty $w]
    return [expr {[winfo ismapped $w] && $wx >= $x0 && $wy >= $y0 &&
        $wx + [winfo width $w] <= $x1 && $wy + [winfo height $w] <= $y1}]
}
