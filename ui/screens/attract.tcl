# attract.tcl: the screen the kiosk rests on. The course title, its years,
# and a "did you know" fact from the fact base that changes every few
# seconds. Any key or click goes on to "who are you?". A small
# "Instructor" button in the bottom right corner opens the PIN prompt on a
# touch screen with no keyboard (Ctrl+Alt+I elsewhere, ui/lock.tcl); it
# takes no keyboard focus, so keys still only start.

namespace eval ::kiosk::ui::attract {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    # Per-frame state: facts (list of fact dicts to show), i (the one shown).
    variable state
    # How long each fact stays up, in milliseconds.
    variable period 9000
}

proc ::kiosk::ui::attract::show {f} {
    variable state
    setStudent ""
    set db [course]
    set stages [$db stages]
    set years ""
    if {[llength $stages]} {
        set years [mc "%s to %s" [dict get [lindex $stages 0] y0] \
            [dict get [lindex $stages end] y1]]
    }
    ttk::frame $f.box -padding 40
    ttk::label $f.box.title -text [dict get [$db course] title] \
        -style Huge.TLabel -justify center
    ttk::label $f.box.years -text $years -style Head.TLabel
    ttk::label $f.box.sub -style Muted.TLabel -justify center \
        -text [mc "A course in %d stages, with quizzes" [llength $stages]]
    ttk::label $f.box.dyk -text [mc "Did you know?"] -style Head.TLabel
    ttk::label $f.box.fact -justify center -anchor center -font KioskBig
    ttk::label $f.box.src -style Small.TLabel -justify center
    ttk::button $f.box.start -text [mc "Touch or press any key to start"] \
        -style Start.Big.TButton -command ::kiosk::ui::attract::Start
    grid $f.box.title -pady {0 4}
    grid $f.box.years
    grid $f.box.sub -pady {4 40}
    grid $f.box.dyk -pady 8
    grid $f.box.fact -sticky ew -pady 8
    grid $f.box.src -pady {0 40}
    grid $f.box.start
    grid columnconfigure $f.box 0 -weight 1
    grid $f.box -row 0 -column 0 -sticky ew
    grid rowconfigure $f 0 -weight 1
    grid columnconfigure $f 0 -weight 1
    if {[exists pin]} {
        ttk::button $f.instructor -text [mc "Instructor"] -style Quiet.TButton \
            -takefocus 0 -command ::kiosk::ui::attract::Instructor
        place $f.instructor -relx 1.0 -rely 1.0 -anchor se -x -12 -y -12
    }
    bind $f.box.fact <Configure> [list ::kiosk::ui::attract::Wrap %W %w]
    set state($f,facts) [Facts $db]
    set state($f,i) [expr {[clock seconds] % max(1, [llength $state($f,facts)])}]
    bind $f <Destroy> +[list ::kiosk::ui::attract::Forget %W]
    Rotate $f
    # Any key or click starts; keys go through the toplevel.
    key <Key> ::kiosk::ui::attract::Start
    foreach w [list $f $f.box $f.box.title $f.box.years $f.box.sub \
            $f.box.dyk $f.box.fact $f.box.src] {
        bind $w <ButtonRelease-1> ::kiosk::ui::attract::Start
    }
    focus $f.box.start
}

# The facts worth showing: events and figures with a sentence to show.
proc ::kiosk::ui::attract::Facts {db} {
    set out {}
    foreach e [$db events] {
        if {[dict exists $e detail]} {
            lappend out [list [dict get $e detail] [dict get $e id]]
        }
    }
    return $out
}

proc ::kiosk::ui::attract::Rotate {f} {
    variable state
    variable period
    set facts $state($f,facts)
    if {![llength $facts]} { return }
    lassign [lindex $facts $state($f,i)] text id
    $f.box.fact configure -text $text
    $f.box.src configure -text ""
    set state($f,i) [expr {($state($f,i) + 1) % [llength $facts]}]
    timer $f rotate $period [list ::kiosk::ui::attract::Rotate $f]
}

proc ::kiosk::ui::attract::Wrap {w width} {
    set wrap [expr {max(300, min($width, 1100) - 20)}]
    $w configure -wraplength $wrap
    # The title and the start button wrap too (a big text size on a small
    # display).
    set box [winfo parent $w]
    $box.title configure -wraplength [expr {max(300, $width - 20)}]
    ttk::style configure Start.Big.TButton -wraplength [expr {max(300, $width - 80)}] \
        -justify center
}

proc ::kiosk::ui::attract::Start {} {
    goto who
}

# The instructor's way in on a touch screen: the PIN prompt for the desk
# (its Cancel returns here).
proc ::kiosk::ui::attract::Instructor {} {
    goto pin desk
}

proc ::kiosk::ui::attract::Forget {f} {
    variable state
    array unset state $f,*
}
