# error.tcl: says what went wrong, in full, and offers to quit or retry.
# Used for a course that does not load (the message reads
# file:line:column: message), for an error inside a screen and, in kiosk
# mode, for any background error (ui/lock.tcl). Quit asks for the PIN
# while the kiosk lock is on (lock::quit).

namespace eval ::kiosk::ui::error {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
}

# show FRAME TITLE MESSAGE ?DETAIL? ?ERRORCODE?
proc ::kiosk::ui::error::show {f title msg {detail ""} {code ""}} {
    ttk::frame $f.box -padding 32
    ttk::label $f.box.title -text $title -style Title.TLabel -justify left
    ttk::label $f.box.msg -text $msg -wraplength 900 -justify left \
        -font KioskBig
    grid $f.box.title -sticky ew
    grid $f.box.msg -sticky ew -pady 16
    wrap $f.box.title
    wrap $f.box.msg
    if {[lindex $code 0] eq "KIOSK" && [llength $code] >= 6} {
        lassign [lrange $code 3 5] file line col
        ttk::label $f.box.where -style Muted.TLabel -text \
            [mc "In %s, line %s, column %s." $file $line $col]
        grid $f.box.where -sticky ew
        wrap $f.box.where
    }
    if {[lindex $code 0] eq "KIOSK" && [lindex $code 1] in {CSV COURSE LESSON}} {
        set help [mc "Please tell the teacher. The course files must be fixed before the kiosk can teach them."]
    } else {
        set help [mc "Please tell the teacher what you were doing when this happened."]
    }
    ttk::label $f.box.help -style Muted.TLabel -wraplength 900 -justify left \
        -text $help
    grid $f.box.help -sticky ew -pady 8
    wrap $f.box.help
    if {$detail ne ""} {
        text $f.box.detail -height 8 -width 40 -font KioskSmall -wrap word \
            -relief flat -takefocus 1
        $f.box.detail insert end $detail
        $f.box.detail configure -state disabled
        grid $f.box.detail -sticky nsew -pady 8
        grid rowconfigure $f.box $f.box.detail -weight 1
    }
    ttk::frame $f.box.buttons
    ttk::button $f.box.buttons.retry -text [mc "Try again"] \
        -command ::kiosk::ui::error::Retry
    ttk::button $f.box.buttons.quit -text [mc "Quit"] \
        -command ::kiosk::ui::error::Quit
    grid $f.box.buttons.retry $f.box.buttons.quit -padx {0 12}
    grid $f.box.buttons -sticky w -pady 12
    grid $f.box -sticky nsew
    grid columnconfigure $f.box 0 -weight 1
    grid rowconfigure $f 0 -weight 1
    grid columnconfigure $f 0 -weight 1
    focus $f.box.buttons.retry
}

proc ::kiosk::ui::error::Quit {} {
    if {[namespace which ::kiosk::ui::lock::quit] ne ""} {
        ::kiosk::ui::lock::quit ::kiosk::ui::error::Retry
    } else {
        ::kiosk::ui::main::quit
    }
}

proc ::kiosk::ui::error::Retry {} {
    if {[::kiosk::ui::app::course] eq ""} {
        goto prepare
    } else {
        goto attract
    }
}
