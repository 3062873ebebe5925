# uitest.tcl: helpers for the UI suites. Loads the real kiosk UI into the
# test interpreter (main.tcl with ::kiosk::ui::main::embed set, so it
# defines its procs and returns), starts it on temporary databases, and
# drives it with `event generate`, as a student would with the keyboard.
#
#   uitest::start ?ARG ...?   start the kiosk (extra command-line args)
#   uitest::waitScreen NAME   wait (at most 10 s) until screen NAME is up
#   uitest::frame             the current screen's frame
#   uitest::press W KEYSYM    focus W and send it the key (e.g. Return,
#                             Key-1, Control-plus, Shift-Up)
#   uitest::type W TEXT       type TEXT into entry W
#   uitest::click W           press and release mouse button 1 on W
#   uitest::shot NAME         screenshot of the display into the tmpdir;
#                             returns the file name
#   uitest::useFake           replace the course by the stand-in course of
#                             fakecourse.tcl (questions of every kind)
#   uitest::useReal           back to the package's course (when it loaded)
#   uitest::realCourse        1 when the package's course command has the
#                             subcommands the screens read
#   uitest::realQuiz          ... and quiz and score as well
#   uitest::realPack          ... and quiz packs (kiosk::pack, packquiz)

package require tcltest 2.5

namespace eval ::uitest {
    variable dir [file dirname [file normalize [info script]]]
    variable started 0
}

proc ::uitest::tmp {name} {
    return [file join [tcltest::configure -tmpdir] $name]
}

# 1 when the package's course command has every subcommand in SUBS.
proc ::uitest::hasSubs {subs} {
    global env
    set ::auto_path [linsert $::auto_path 0 $env(KIOSK_PKGDIR)]
    package require kiosk
    kiosk::course ::uitest::probe :memory:
    catch {::uitest::probe frobnicate} msg
    ::uitest::probe close
    foreach sub $subs {
        if {![regexp "\[ ,\]$sub\[ ,\]" "$msg,"]} { return 0 }
    }
    return 1
}

# The readers the screens use.
proc ::uitest::realCourse {} {
    return [hasSubs {fresh load stage lesson fact facts source term events figures}]
}

# Quiz packs: kiosk::pack and the course's packquiz.
proc ::uitest::realPack {} {
    return [expr {[realQuiz] && [hasSubs packquiz] &&
        [namespace which ::kiosk::pack] ne ""}]
}

# Quiz making and scoring.
proc ::uitest::realQuiz {} {
    return [expr {[realCourse] && [hasSubs {quiz score}]}]
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
    source [file join $dir fakecourse.tcl]
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
    waitScreen {attract error}
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
    settle
    event generate $w <Enter>
    event generate $w <ButtonPress-1> -x 5 -y 5
    event generate $w <ButtonRelease-1> -x 5 -y 5
    settle
    after 150
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

proc ::uitest::useFake {} {
    global env
    if {[namespace which ::uitest::fake] eq ""} {
        ::fakecourse::create ::uitest::fake $env(KIOSK_COURSEDIR)
    }
    ::kiosk::ui::app::setCourse ::uitest::fake
}

proc ::uitest::useReal {} {
    if {[namespace which ::kiosk::ui::app::coursedb] ne ""} {
        ::kiosk::ui::app::setCourse ::kiosk::ui::app::coursedb
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
