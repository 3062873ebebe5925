# pin.tcl: the instructor PIN prompt, in front of the instructor desk and
# of leaving the kiosk. The PIN is checked by the records (a yescrypt hash,
# never the PIN itself) under their throttle: after three wrong PINs in a
# row every PIN is refused for 30 seconds, then for twice as long after
# each further wrong one (up to an hour), kept in records.db so a restart
# does not reset it (doc/records.md). Wrong PINs, desk openings and leaving
# go to the operator log the desk shows. The field is emptied on every
# refusal, and is shut (no typing) while a pause lasts.
#
# When no PIN is set yet, only a --windowed kiosk asks for a new one here
# (twice): a locked kiosk does not start without one (ui/lock.tcl), and a
# first PIN chosen at the kiosk would be the first student's.
#
#   goto pin desk|leave ?-back SCRIPT?

namespace eval ::kiosk::ui::pin {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    # Per frame: what (desk|leave), back (script), new (1 when setting).
    variable state
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
    set isset [$rec pin isset]
    set state($f,new) [expr {!$isset && [opt windowed]}]
    if {!$isset && !$state($f,new)} {
        ttk::label $f.box.msg -style Wrong.TLabel -wraplength 700 -text \
            [mc "No instructor PIN is set on this kiosk. It is set from a terminal with \"kioskctl pin set --records %s\", or in a kiosk started with --windowed." [opt records]]
        grid $f.box.msg -pady 8
        ttk::button $f.box.cancel -text [mc "Cancel"] \
            -command [list ::kiosk::ui::pin::Cancel $f]
        grid $f.box.cancel -pady 8
        focus $f.box.cancel
        return
    }
    set title [expr {$what eq "desk"
        ? [mc "The instructor desk needs the instructor PIN."]
        : [mc "Leaving the kiosk needs the instructor PIN."]}]
    ttk::label $f.box.title -text $title -style Head.TLabel -wraplength 700
    grid $f.box.title -columnspan 2 -pady {0 16}
    if {$state($f,new)} {
        ttk::label $f.box.intro -wraplength 700 -justify left -text \
            [mc "No instructor PIN is set on this kiosk yet. Choose one now (4 to 64 characters); the desk and leaving the kiosk will ask for it from now on."]
        grid $f.box.intro -columnspan 2 -sticky w -pady {0 12}
    }
    ttk::label $f.box.l1 -text [expr {$state($f,new) ? [mc "New PIN:"] : [mc "PIN:"]}] \
        -font KioskBig
    ttk::entry $f.box.pin -show \u2022 -font KioskBig -width 10
    grid $f.box.l1 $f.box.pin -sticky w -padx 6 -pady 6
    if {$state($f,new)} {
        ttk::label $f.box.l2 -text [mc "Once more:"] -font KioskBig
        ttk::entry $f.box.again -show \u2022 -font KioskBig -width 10
        grid $f.box.l2 $f.box.again -sticky w -padx 6 -pady 6
        bindtags $f.box.again [linsert [bindtags $f.box.again] 1 KioskPin]
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
    # Enter checks, Escape cancels: once each (the break keeps the
    # screen-wide Escape from cancelling a second time).
    bindtags $f.box.pin [linsert [bindtags $f.box.pin] 1 KioskPin]
    focus $f.box.pin
    Paused $f
}

bind KioskPin <<KioskActivate>> {::kiosk::ui::pin::Ok [::kiosk::ui::pin::Screen %W]; break}
bind KioskPin <<KioskBack>> {::kiosk::ui::pin::Cancel [::kiosk::ui::pin::Screen %W]; break}

# The screen frame of a widget in the PIN box.
proc ::kiosk::ui::pin::Screen {w} {
    return [join [lrange [split $w .] 0 1] .]
}

# Seconds in words: "45 seconds", "2 minutes 5 seconds".
proc ::kiosk::ui::pin::Duration {secs} {
    if {$secs < 60} { return [mc "%d seconds" $secs] }
    return [mc "%d min %02d s" [expr {$secs / 60}] [expr {$secs % 60}]]
}

# While a pause after wrong PINs lasts (the records' throttle), say so,
# keep the field shut and empty, and look again in a second; returns 1.
# When it is over, the field opens again; returns 0.
proc ::kiosk::ui::pin::Paused {f} {
    set wait 0
    if {[catch {dict get [[records] pin wait] wait} wait o]} {
        $f.box.msg configure -text [recordsError $wait $o]
        set wait 0
    }
    set fields [lmap e [list $f.box.pin $f.box.again] {
        if {![winfo exists $e]} continue
        set e
    }]
    if {$wait <= 0} {
        foreach e $fields {
            if {[$e instate disabled]} {
                $e state !disabled
                $f.box.msg configure -text ""
                focus $e
            }
        }
        return 0
    }
    foreach e $fields {
        $e delete 0 end
        $e state disabled
    }
    $f.box.msg configure -text \
        [mc "Too many wrong PINs. Try again in %s." [Duration $wait]]
    timer $f pause 1000 [list ::kiosk::ui::pin::Paused $f]
    return 1
}

proc ::kiosk::ui::pin::Ok {f} {
    variable state
    if {![info exists state($f,what)]} { return }
    set rec [records]
    set pin [$f.box.pin get]
    # Whatever happens next, the typed PIN does not stay on screen.
    $f.box.pin delete 0 end
    if {$state($f,new)} {
        set again [$f.box.again get]
        $f.box.again delete 0 end
        if {$pin ne $again} {
            $f.box.msg configure -text [mc "The two PINs differ. Type them again."]
            focus $f.box.pin
            return
        }
        if {[catch {$rec pin set $pin} msg o]} {
            $f.box.msg configure -text [recordsError $msg $o]
            return
        }
        toast [mc "The instructor PIN is set."]
        Granted $f
        return
    }
    if {[Paused $f]} { return }
    if {[catch {$rec pin try $pin} r o]} {
        $f.box.msg configure -text [recordsError $r $o]
        return
    }
    if {![dict get $r ok]} {
        if {![Paused $f]} {
            $f.box.msg configure -text [mc "Wrong PIN."]
            focus $f.box.pin
        }
        return
    }
    Granted $f
}

# The right PIN: open the desk, or leave the kiosk; both logged.
proc ::kiosk::ui::pin::Granted {f} {
    variable state
    set what $state($f,what)
    if {$what eq "leave"} {
        ::kiosk::ui::lock::log leave [mc "left the kiosk with the PIN"]
        ::kiosk::ui::main::quit
        return
    }
    ::kiosk::ui::lock::log desk [mc "instructor desk opened with the PIN"]
    # The desk is the instructor's: nobody stays signed in behind it.
    setStudent ""
    ::kiosk::ui::desk::unlock
    goto desk
}

# Cancel and Escape; a second call for the same screen does nothing.
proc ::kiosk::ui::pin::Cancel {f} {
    variable state
    if {![info exists state($f,back)]} { return }
    set back $state($f,back)
    array unset state $f,*
    uplevel #0 $back
}

proc ::kiosk::ui::pin::Forget {f} {
    variable state
    array unset state $f,*
}
