# lock.tcl: the kiosk lock. A classroom machine is left alone and poked at
# by curious students: in kiosk mode the window is fullscreen (and put back
# whenever it is minimized, unmapped or loses its fullscreen state),
# closing it (the window manager's close button and keys) is ignored, no
# other X client can run code in it (Tk's `send` is removed), no Tk
# standard dialog opens (a background error goes to the operator log and
# the kiosk's own error screen; message boxes, colour and font choosers
# are refused; the file choosers only behind the PIN, on the desk), and
# after the idle timeout (records setting idle-timeout, default 3 minutes)
# whatever was on screen is left for the attract screen. Leaving the kiosk
# and opening the instructor desk both go through the PIN screen
# (screens/pin.tcl); the kiosk does not start locked without a PIN
# (`refusal`).
#
# main.tcl sources this file after the screens and, unless --windowed,
# asks `refusal` and then calls ::kiosk::ui::lock::start once the records
# are open. The instructor keys (Ctrl+Alt+I: the desk, Ctrl+Alt+Q: leave)
# work in both modes; `quit` is the way out every screen offers.
#
# Nothing is lost on an idle return: every answer was committed when it
# was given, and an unfinished quiz stays open in the records, to be
# offered again when its student comes back (screens/resume.tcl).

namespace eval ::kiosk::ui::lock {
    namespace export start locked watch idle refusal quit log
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
    # The after id of the pending window repair ("" when none).
    variable repair ""
    # 1 while a background error is being shown (one at a time).
    variable inError 0
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

# 1 when the records ask for the lock (setting kiosk-lock, default on).
proc ::kiosk::ui::lock::Wanted {} {
    set rec [::kiosk::ui::app::records]
    return [expr {$rec eq "" || [::kiosk::ui::app::recordsRead \
        {$rec settings get kiosk-lock} 1 {{KIOSK RECORDS NOSETTING}}]}]
}

# Why the kiosk must not start locked, as one line for the terminal, or ""
# when it may: the lock needs a PIN to be left, and a first PIN chosen at
# the kiosk would be the first student's (it is set with kioskctl, or in
# --windowed mode).
proc ::kiosk::ui::lock::refusal {} {
    if {![Wanted]} { return "" }
    set rec [::kiosk::ui::app::records]
    set file [::kiosk::ui::app::opt records]
    if {$rec eq ""} {
        return [mc "kiosk: the student records (%s) cannot be opened, so the kiosk lock has no PIN to check; fix them, or start with --windowed" $file]
    }
    try {
        set set [$rec pin isset]
    } on error {msg o} {
        # not "no PIN": the records could not say (the operator log and
        # the terminal get why)
        ::kiosk::ui::app::recordsError $msg $o
        return [mc "kiosk: the student records (%s) could not be read (%s), so the kiosk lock cannot check a PIN; fix them, or start with --windowed" $file $msg]
    }
    if {!$set} {
        return [mc "kiosk: no instructor PIN is set: run `kioskctl pin set --records %s` first (or start with --windowed)" $file]
    }
    return ""
}

# Turn the lock on (unless the records' kiosk-lock setting is 0). Returns
# 1 when the lock is on.
proc ::kiosk::ui::lock::start {} {
    variable locked
    if {![Wanted]} {
        return 0
    }
    set locked 1
    Guard
    configure
    # Fullscreen is the window manager's to grant; without one (a bare X
    # server) the window still covers the whole screen.
    wm attributes . -fullscreen 1
    wm geometry . [winfo screenwidth .]x[winfo screenheight .]+0+0
    wm protocol . WM_DELETE_WINDOW ::kiosk::ui::lock::CloseRequest
    # Minimized, unmapped, or fullscreen taken away: put back at once; a
    # slow check catches what no event announces.
    bind . <Unmap> {+::kiosk::ui::lock::WindowChanged %W}
    bind . <Configure> {+::kiosk::ui::lock::WindowChanged %W}
    bind . <Map> {+::kiosk::ui::lock::WindowChanged %W}
    bind . <FocusOut> {+::kiosk::ui::lock::WindowChanged %W}
    Patrol
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

# The way out that every screen offers (the error screen's Quit...): the
# PIN screen while the lock is on, else leave at once. BACK: where the PIN
# screen's Cancel goes.
proc ::kiosk::ui::lock::quit {{back {}}} {
    variable locked
    if {!$locked} {
        ::kiosk::ui::main::quit
        return
    }
    if {$back eq ""} { set back {::kiosk::ui::error::Retry} }
    ::kiosk::ui::app::goto pin leave -back $back
}

# Write to the operator log the desk shows (records `log`). A failed write
# is shown, not lost in silence; without records there is nowhere to log.
proc ::kiosk::ui::lock::log {kind message} {
    set rec [::kiosk::ui::app::records]
    if {$rec eq ""} { return 0 }
    if {[catch {$rec log add $kind $message} msg o]} {
        # The log cannot hold its own failure: the terminal (the session's
        # journal) gets it, and the screen says it.
        catch {puts stderr "kiosk: records: the operator log could not be written: $msg ([dict get $o -errorcode])"}
        catch {::kiosk::ui::app::toast [mc "The operator log could not be written: %s" $msg] 10000}
        return 0
    }
    return 1
}

### Window repair: the kiosk window stays mapped, fullscreen, on top.

proc ::kiosk::ui::lock::WindowChanged {w} {
    variable repair
    if {$w ne "."} { return }
    if {$repair eq ""} {
        set repair [after 50 ::kiosk::ui::lock::Repair]
    }
}

# 1 when the window is as the lock wants it: mapped, fullscreen, the
# whole screen, and holding the keyboard focus. The focus is what tells a
# window manager's minimize: matchbox unmaps its own frame around the
# window and Tk sees no event, but the focus leaves the application.
proc ::kiosk::ui::lock::Whole {} {
    if {[wm state .] ne "normal" || ![winfo ismapped .]} { return 0 }
    if {![wm attributes . -fullscreen]} { return 0 }
    if {[focus] eq ""} { return 0 }
    return [expr {[winfo width .] >= [winfo screenwidth .] &&
                  [winfo height .] >= [winfo screenheight .]}]
}

proc ::kiosk::ui::lock::Repair {} {
    variable repair
    variable locked
    set repair ""
    if {!$locked || [Whole]} { return }
    # Withdrawn and mapped again: a window manager that iconified the
    # window (or hid its frame) maps it anew.
    if {[wm state .] ne "normal" || [focus] eq ""} {
        wm withdraw .
        wm deiconify .
    }
    wm attributes . -fullscreen 1
    wm geometry . [winfo screenwidth .]x[winfo screenheight .]+0+0
    raise .
    # The focus back where it was inside the window.
    catch {focus -force [focus -lastfor .]}
}

# Twice a second: the window repaired if some change came without an event.
proc ::kiosk::ui::lock::Patrol {} {
    variable locked
    if {!$locked} { return }
    if {![Whole]} { Repair }
    after 500 ::kiosk::ui::lock::Patrol
}

### No Tk standard dialog while locked.

# The background error handler and the dialogs, replaced (from start).
proc ::kiosk::ui::lock::Guard {} {
    # Load Tk's dialog code now, so that a later auto-load cannot put the
    # originals back over the replacements below.
    foreach cmd {::tk::MessageBox ::tk::dialog::file:: ::tk_dialog
            ::tk::dialog::file::chooseDir:: ::tk::dialog::color::
            ::tk::MotifFDialog ::tk::dialog::error::bgerror
            ::tk::fontchooser} {
        catch {auto_load $cmd}
    }
    # The file choosers are the desk's (behind the PIN): kept under a name
    # in their own namespace (their code resolves names there).
    foreach {cmd keep} {
        ::tk::dialog::file:: ::tk::dialog::file::KioskHeld
        ::tk::dialog::file::chooseDir:: ::tk::dialog::file::chooseDir::KioskHeld
    } {
        if {[namespace which $cmd] ne "" && [namespace which $keep] eq ""} {
            rename $cmd $keep
        }
    }
    foreach cmd {::tk::MessageBox ::tk::dialog::file::
            ::tk::dialog::file::chooseDir:: ::tk::dialog::color::
            ::tk::MotifFDialog ::tk::fontchooser::Show
            ::tk_messageBox ::tk_dialog ::tk_chooseColor} {
        if {[namespace exists [namespace qualifiers $cmd]] || [namespace qualifiers $cmd] eq ""} {
            proc $cmd args [list ::kiosk::ui::lock::Refused $cmd]
        }
    }
    proc ::tk_getOpenFile args {::kiosk::ui::lock::FileDialog open $args}
    proc ::tk_getSaveFile args {::kiosk::ui::lock::FileDialog save $args}
    proc ::tk_chooseDirectory args {::kiosk::ui::lock::FileDialog dir $args}
    # Background errors: our handler, whoever asks for Tk's.
    interp bgerror {} ::kiosk::ui::lock::BgError
    proc ::tk::dialog::error::bgerror {msg args} {
        ::kiosk::ui::lock::BgError $msg [dict create -errorinfo $msg]
    }
    proc ::bgerror {msg} {
        ::kiosk::ui::lock::BgError $msg [dict create -errorinfo $msg]
    }
}

# A standard dialog asked for while locked: logged, nothing shown, and the
# answer a cancelled dialog gives ("" ; "cancel" for a message box).
proc ::kiosk::ui::lock::Refused {cmd} {
    log dialog [mc "refused to open a Tk dialog (%s)" $cmd]
    if {$cmd in {::tk::MessageBox ::tk_messageBox}} { return cancel }
    if {$cmd eq "::tk_dialog"} { return -1 }
    return ""
}

# tk_getOpenFile, tk_getSaveFile, tk_chooseDirectory: only on the desk,
# after the PIN.
proc ::kiosk::ui::lock::FileDialog {what opts} {
    variable locked
    set desk [expr {[info exists ::kiosk::ui::desk::unlocked]
        && $::kiosk::ui::desk::unlocked}]
    if {$locked && !($desk && [lindex [::kiosk::ui::app::screen] 0] eq "desk")} {
        return [Refused ::tk_get[string totitle $what]File]
    }
    if {$what eq "dir"} {
        return [::tk::dialog::file::chooseDir::KioskHeld {*}$opts]
    }
    return [::tk::dialog::file::KioskHeld $what {*}$opts]
}

# A background error while locked: into the operator log, then the
# kiosk's own error screen (its Quit asks for the PIN). An error while
# that screen is being shown is only logged.
proc ::kiosk::ui::lock::BgError {msg opts} {
    variable inError
    set info [expr {[dict exists $opts -errorinfo]
        ? [dict get $opts -errorinfo] : $msg}]
    set code [expr {[dict exists $opts -errorcode]
        ? [dict get $opts -errorcode] : ""}]
    log error $info
    if {$inError} { return }
    set inError 1
    try {
        ::kiosk::ui::app::goto error \
            [mc "Something went wrong on this screen."] $msg $info $code
    } on error {m} {
        log error $m
    } finally {
        set inError 0
    }
}

# A close key: swallowed.
proc ::kiosk::ui::lock::Ignore {} {
    return -code break
}

# The window manager asks the window to close (its close button, Alt+F4):
# the answer is no, noted in the operator log (once a minute at most).
# Leaving is Ctrl+Alt+Q and the PIN.
proc ::kiosk::ui::lock::CloseRequest {} {
    variable lastClose
    set now [clock seconds]
    if {![info exists lastClose] || $now - $lastClose >= 60} {
        set lastClose $now
        log lock [mc "refused the window manager's request to close the kiosk window"]
    }
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
