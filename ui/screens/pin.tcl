# pin.tcl: the instructor PIN prompt, in front of the instructor desk and
# of leaving the kiosk. The PIN is checked by the records (a yescrypt hash,
# never the PIN itself); when none is set yet, this screen asks for a new
# one twice and stores it (also possible with `kioskctl pin set`). After
# three wrong PINs in a row the prompt waits 30 seconds.
#
#   goto pin desk|leave ?-back SCRIPT?

namespace eval ::kiosk::ui::pin {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    # Per frame: what (desk|leave), back (script), new (1 when setting).
    variable state
    # Wrong PINs in a row, and until when ([clock milliseconds]) the prompt
    # refuses to check.
    variable wrong 0
    variable until 0
    # Wrong PINs before the pause, and its length.
    variable maxWrong 3
    variable pauseMs 30000
}

proc ::kiosk::ui::pin::show {f what args} {
    variable state
    if {$what ni {desk leave}} {
        error "pin: unknown purpose \"$what\": must be desk or leave"
    }
    set back [expr {[dict exists $args -back] ? [dict get $args -back]
        : {::kiosk::ui::app::goto attract}}]
    set state($f,what) $what
    set state($f,back) $back
    bind $f <Destroy> +[list ::kiosk::ui::pin::Forget %W]
    # The prompt and the desk are the instructor's: the student signs out
    # here, in the kiosk's own text size and colours. Her text size is
    # kept for her next visit (written again: it is written on each
    # change already, and answers are committed as they are given).
    if {[student] ne ""} {
        pref textstep 0 [::kiosk::ui::theme::step]
    }
    setStudent ""
    header $f -title [mc "Instructor"] -back [list ::kiosk::ui::pin::Cancel $f]
    set rec [records]
    ttk::frame $f.box -padding 40
    grid $f.box -row 2 -column 0
    grid columnconfigure $f 0 -weight 1
    grid rowconfigure $f 3 -weight 1
    if {$rec eq ""} {
        # Without records there is no PIN to check: only leaving is offered,
        # and only when the lock is off (windowed).
        ttk::label $f.box.msg -style Wrong.TLabel -wraplength 700 -text \
            [mc "The student records are not available, so the instructor PIN cannot be checked."]
        grid $f.box.msg -pady 8
        ttk::button $f.box.cancel -text [mc "Cancel"] \
            -command [list ::kiosk::ui::pin::Cancel $f]
        grid $f.box.cancel -pady 8
        focus $f.box.cancel
        return
    }
    set state($f,new) [expr {![$rec pin isset]}]
    set title [expr {$what eq "desk"
        ? [mc "The instructor desk needs the instructor PIN."]
        : [mc "Leaving the kiosk needs the instructor PIN."]}]
    ttk::label $f.box.title -text $title -style Head.TLabel
    grid $f.box.title -columnspan 2 -pady {0 16}
    if {$state($f,new)} {
        ttk::label $f.box.intro -wraplength 700 -justify left -text \
            [mc "No instructor PIN is set on this kiosk yet. Choose one now (4 to 64 characters); the desk and leaving the kiosk will ask for it from now on."]
        grid $f.box.intro -columnspan 2 -sticky w -pady {0 12}
    }
    ttk::label $f.box.l1 -text [expr {$state($f,new) ? [mc "New PIN:"] : [mc "PIN:"]}] \
        -font KioskBig
    ttk::entry $f.box.pin -show \u2022 -font KioskBig -width 16
    grid $f.box.l1 $f.box.pin -sticky w -padx 6 -pady 6
    if {$state($f,new)} {
        ttk::label $f.box.l2 -text [mc "Once more:"] -font KioskBig
        ttk::entry $f.box.again -show \u2022 -font KioskBig -width 16
        grid $f.box.l2 $f.box.again -sticky w -padx 6 -pady 6
        bind $f.box.again <Return> [list ::kiosk::ui::pin::Ok $f]
        bind $f.box.again <KP_Enter> [list ::kiosk::ui::pin::Ok $f]
    }
    ttk::label $f.box.msg -style Wrong.TLabel -wraplength 700
    grid $f.box.msg -columnspan 2 -sticky w -pady 6
    ttk::frame $f.box.buttons
    ttk::button $f.box.buttons.ok -text [mc "OK"] -style Accent.TButton \
        -command [list ::kiosk::ui::pin::Ok $f]
    ttk::button $f.box.buttons.cancel -text [mc "Cancel"] \
        -command [list ::kiosk::ui::pin::Cancel $f]
    grid $f.box.buttons.ok $f.box.buttons.cancel -padx 6
    grid $f.box.buttons -columnspan 2 -pady 8
    bind $f.box.pin <Return> [list ::kiosk::ui::pin::Ok $f]
    bind $f.box.pin <KP_Enter> [list ::kiosk::ui::pin::Ok $f]
    bind $f.box.pin <Escape> [list ::kiosk::ui::pin::Cancel $f]
    focus $f.box.pin
    Paused $f
}

# While the pause after wrong PINs lasts, say so and refuse; returns 1.
proc ::kiosk::ui::pin::Paused {f} {
    variable until
    set left [expr {$until - [clock milliseconds]}]
    if {$left <= 0} { return 0 }
    $f.box.msg configure -text \
        [mc "Too many wrong PINs. Try again in %d seconds." \
            [expr {($left + 999) / 1000}]]
    timer $f pause 1000 [list ::kiosk::ui::pin::Paused $f]
    return 1
}

proc ::kiosk::ui::pin::Ok {f} {
    variable state
    variable wrong
    variable until
    variable maxWrong
    variable pauseMs
    set rec [records]
    set pin [$f.box.pin get]
    if {$state($f,new)} {
        if {$pin ne [$f.box.again get]} {
            $f.box.msg configure -text [mc "The two PINs differ. Type them again."]
            $f.box.pin delete 0 end
            $f.box.again delete 0 end
            focus $f.box.pin
            return
        }
        if {[catch {$rec pin set $pin} msg]} {
            $f.box.msg configure -text $msg
            return
        }
        toast [mc "The instructor PIN is set."]
        Granted $f
        return
    }
    if {[Paused $f]} { return }
    if {![$rec pin check $pin]} {
        incr wrong
        $f.box.pin delete 0 end
        if {$wrong >= $maxWrong} {
            set wrong 0
            set until [expr {[clock milliseconds] + $pauseMs}]
            Paused $f
        } else {
            $f.box.msg configure -text [mc "Wrong PIN."]
        }
        focus $f.box.pin
        return
    }
    set wrong 0
    Granted $f
}

# The right PIN: open the desk, or leave the kiosk.
proc ::kiosk::ui::pin::Granted {f} {
    variable state
    set what $state($f,what)
    $f.box.pin delete 0 end
    if {$what eq "leave"} {
        ::kiosk::ui::main::quit
        return
    }
    # The desk is the instructor's: nobody stays signed in behind it.
    setStudent ""
    ::kiosk::ui::desk::unlock
    goto desk
}

proc ::kiosk::ui::pin::Cancel {f} {
    variable state
    uplevel #0 $state($f,back)
}

proc ::kiosk::ui::pin::Forget {f} {
    variable state
    array unset state $f,*
}
