# lock.tcl: the kiosk lock. A classroom machine is left alone and poked at
# by curious students: in kiosk mode the window is fullscreen, closing it
# (the window manager's close button and keys) is ignored, no other X client
# can run code in it (Tk's `send` is removed), and after the idle timeout
# (records setting idle-timeout, default 3 minutes) whatever was on screen
# is left for the attract screen. Leaving the kiosk and opening the
# instructor desk both go through the PIN screen (screens/pin.tcl).
#
# main.tcl sources this file after the screens and, unless --windowed,
# calls ::kiosk::ui::lock::start once the records are open. The instructor
# keys (Ctrl+Alt+I: the desk, Ctrl+Alt+Q: leave) work in both modes.
#
# Nothing is lost on an idle return: every answer was committed when it
# was given, and an unfinished quiz stays open in the records, to be
# offered again when its student comes back (screens/resume.tcl).

namespace eval ::kiosk::ui::lock {
    namespace export start locked watch idle
    namespace import ::msgcat::mc
    # 1 while the kiosk lock is on.
    variable locked 0
    # The idle timeout in milliseconds.
    variable timeoutMs 180000
    # [clock milliseconds] of the last input seen through the bindings.
    variable last 0
    # timers(TOPLEVEL): the after id of that toplevel's idle check.
    variable timers
    array set timers {}
}

# The instructor's keys, in one table like theme.tcl's: virtual event,
# then the physical keys.
foreach {virtual keys} {
    <<KioskDesk>>  {<Control-Alt-i> <Control-Alt-I>}
    <<KioskLeave>> {<Control-Alt-q> <Control-Alt-Q>}
} {
    event add $virtual {*}$keys
}
bind all <<KioskDesk>> {::kiosk::ui::lock::Instructor desk}
bind all <<KioskLeave>> {::kiosk::ui::lock::Instructor leave}

# Turn the lock on (unless the records' kiosk-lock setting is 0). Returns
# 1 when the lock is on.
proc ::kiosk::ui::lock::start {} {
    variable locked
    set rec [::kiosk::ui::app::records]
    if {$rec ne "" && ![::kiosk::ui::app::recordsRead {$rec settings get kiosk-lock} 1]} {
        return 0
    }
    set locked 1
    configure
    # Fullscreen is the window manager's to grant; without one (a bare X
    # server) the window still covers the whole screen.
    wm attributes . -fullscreen 1
    wm geometry . [winfo screenwidth .]x[winfo screenheight .]+0+0
    wm protocol . WM_DELETE_WINDOW ::kiosk::ui::lock::CloseRequest
    # The close keys a window manager or a habit might send.
    foreach seq {<Alt-F4> <Control-w> <Control-q> <Control-W> <Control-Q>} {
        bind all $seq ::kiosk::ui::lock::Ignore
    }
    # No other X client may run code in this interpreter.
    if {[namespace which -command ::send] ne ""} {
        rename ::send {}
    }
    watch .
    return 1
}

# 1 while the lock is on.
proc ::kiosk::ui::lock::locked {} {
    variable locked
    return $locked
}

# Read the idle timeout from the records (after start, and when the desk
# changes it).
proc ::kiosk::ui::lock::configure {} {
    variable timeoutMs
    set rec [::kiosk::ui::app::records]
    set secs 180
    if {$rec ne ""} {
        set v [::kiosk::ui::app::recordsRead {$rec settings get idle-timeout} $secs]
    }
    if {$rec ne "" && [string is integer -strict $v] && $v > 0} {
        set secs $v
    }
    set timeoutMs [expr {1000 * $secs}]
    foreach top [array names ::kiosk::ui::lock::timers] {
        Schedule $top 0
    }
}

# A close key: swallowed.
proc ::kiosk::ui::lock::Ignore {} {
    return -code break
}

# The window manager asks the window to close (its close button, Alt+F4):
# the answer is no. Leaving is Ctrl+Alt+Q and the PIN.
proc ::kiosk::ui::lock::CloseRequest {} {
    return
}

# Watch toplevel TOP for input; its idle check is cancelled when it goes.
proc ::kiosk::ui::lock::watch {top} {
    variable last
    set last [clock milliseconds]
    foreach ev {<KeyPress> <ButtonPress> <Motion> <MouseWheel>} {
        if {[string first ::kiosk::ui::lock::Activity [bind all $ev]] < 0} {
            bind all $ev +::kiosk::ui::lock::Activity
        }
    }
    bind $top <Destroy> +[list ::kiosk::ui::lock::Unwatch $top %W]
    Schedule $top 0
}

proc ::kiosk::ui::lock::Unwatch {top w} {
    variable timers
    if {$w ne $top} { return }
    if {[info exists timers($top)]} {
        after cancel $timers($top)
        unset timers($top)
    }
}

proc ::kiosk::ui::lock::Activity {} {
    variable last
    set last [clock milliseconds]
}

# Milliseconds since the last input: through the bindings (which also see
# synthetic events), and through the X server's own counter where Tk can
# read it (it sees keys that a binding broke off before `all`).
proc ::kiosk::ui::lock::IdleMs {} {
    variable last
    set ms [expr {[clock milliseconds] - $last}]
    if {![catch {tk inactive} x] && $x >= 0} {
        set ms [expr {min($ms, $x)}]
    }
    return $ms
}

# Check TOP's idleness in DELAY ms (0: at the time the timeout would end).
proc ::kiosk::ui::lock::Schedule {top delay} {
    variable timers
    variable timeoutMs
    if {[info exists timers($top)]} { after cancel $timers($top) }
    if {$delay <= 0} {
        set delay [expr {max(200, $timeoutMs - [IdleMs])}]
    }
    set timers($top) [after $delay [list ::kiosk::ui::lock::Check $top]]
}

proc ::kiosk::ui::lock::Check {top} {
    variable timers
    variable timeoutMs
    unset -nocomplain timers($top)
    if {![winfo exists $top]} { return }
    if {[IdleMs] >= $timeoutMs} {
        idle
        Activity
    }
    Schedule $top 0
}

# The kiosk was left alone: back to the attract screen, signed out, the
# desk locked again. Answers are already saved; an open quiz stays open.
proc ::kiosk::ui::lock::idle {} {
    set name [lindex [::kiosk::ui::app::screen] 0]
    # A dialog left open (a file chooser on the desk) goes first.
    foreach w [winfo children .] {
        if {[winfo class $w] in {Toplevel TkFDialog} || [string match .__tk* $w]} {
            catch {destroy $w}
        }
    }
    if {[namespace which ::kiosk::ui::desk::lock] ne ""} {
        ::kiosk::ui::desk::lock
    }
    if {$name eq "attract" || ![::kiosk::ui::app::exists attract]} { return }
    if {[::kiosk::ui::app::course] eq ""} { return }
    ::kiosk::ui::app::setStudent ""
    ::kiosk::ui::app::goto attract
}

# Ctrl+Alt+I and Ctrl+Alt+Q: the PIN screen for the desk or for leaving.
proc ::kiosk::ui::lock::Instructor {what} {
    if {![::kiosk::ui::app::exists pin]} { return }
    set name [lindex [::kiosk::ui::app::screen] 0]
    if {$name in {pin prepare}} { return -code break }
    ::kiosk::ui::app::goto pin $what
    return -code break
}
