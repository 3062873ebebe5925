# who.tcl: "Who are you?". One big button per student on this machine and
# "I'm new" to add one; no passwords on a classroom kiosk. Arrow keys move
# between the names, Return picks one.

namespace eval ::kiosk::ui::who {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    # How many name buttons per row.
    variable columns 4
    # texts(BUTTON): a name button's own text (shown wrapped when long);
    # laid(NAMES): {columns width} of the last layout; formRows(FORM): 1
    # when the new student's form is on one line.
    variable texts
    variable laid
    variable formRows
}

proc ::kiosk::ui::who::show {f} {
    variable columns
    setStudent ""
    header $f -title [mc "Who are you?"] -back ::kiosk::ui::who::Back
    ttk::frame $f.names -padding {40 24}
    set students [students]
    set i 0
    foreach s $students {
        set b $f.names.b$i
        ttk::button $b -text [dict get $s name] -style Name.TButton \
            -command [list ::kiosk::ui::who::Pick [dict get $s id]]
        grid $b -row [expr {$i / $columns}] -column [expr {$i % $columns}] \
            -sticky nsew -padx 8 -pady 8
        BindMoves $b
        incr i
    }
    ttk::button $f.names.new -text [mc "I'm new"] -style Name.TButton \
        -command [list ::kiosk::ui::who::New $f]
    grid $f.names.new -row [expr {$i / $columns}] -column [expr {$i % $columns}] \
        -sticky nsew -padx 8 -pady 8
    BindMoves $f.names.new
    for {set c 0} {$c < $columns} {incr c} {
        grid columnconfigure $f.names $c -weight 1 -uniform names
    }
    # Fewer columns when the names would not fit (a big text size on a
    # small display).
    bind $f.names <Configure> [list ::kiosk::ui::who::Reflow $f.names %w]
    bind $f.names <<KioskRestyle>> [list after idle [list ::kiosk::ui::who::Restyled $f.names]]
    if {![llength $students]} {
        ttk::label $f.hint -style Muted.TLabel -justify center -anchor center \
            -text [mc "Nobody has used this kiosk yet. Press \"I'm new\" to begin."]
        grid $f.hint -row 2 -column 0 -pady {24 0} -padx 40 -sticky ew
        wrap $f.hint
    }
    grid $f.names -row 3 -column 0 -sticky new
    grid columnconfigure $f 0 -weight 1
    # The spare height below the names and the form: the form follows
    # the names directly.
    grid rowconfigure $f 5 -weight 1
    # The "new student" form, shown by New: label, field and buttons on
    # one line when they fit, else one under the other (FormRows); the
    # message below wraps at its room.
    ttk::frame $f.new -padding {40 12}
    ttk::label $f.new.l -text [mc "Your name:"] -font KioskBig
    ttk::entry $f.new.e -font KioskBig -width 24
    ttk::button $f.new.ok -text [mc "Start"] -style Accent.TButton \
        -command [list ::kiosk::ui::who::Add $f]
    ttk::button $f.new.cancel -text [mc "Cancel"] \
        -command [list ::kiosk::ui::who::Cancel $f]
    ttk::label $f.new.msg -style Wrong.TLabel -justify left
    wrap $f.new.msg
    FormRows $f.new 100000
    bind $f.new <Configure> [list ::kiosk::ui::who::FormRows $f.new %w]
    bind $f.new <<KioskRestyle>> [list after idle [list ::kiosk::ui::who::FormRows $f.new {}]]
    bind $f.new.e <Return> [list ::kiosk::ui::who::Add $f]
    bind $f.new.e <KP_Enter> [list ::kiosk::ui::who::Add $f]
    bind $f.new.e <Escape> [list ::kiosk::ui::who::Cancel $f]
    if {[llength $students]} {
        focus $f.names.b0
    } else {
        focus $f.names.new
    }
}

# The new student's form in frame NEW, WIDTH wide ("": its width now):
# label, field, Start and Cancel in one row when they fit; else the label
# above the field, the buttons below it.
proc ::kiosk::ui::who::FormRows {new width} {
    variable formRows
    if {![winfo exists $new]} { return }
    if {$width eq ""} {
        set width [winfo width $new]
        unset -nocomplain formRows($new)
    }
    if {$width <= 1} { set width 100000 }
    lassign [$new cget -padding] left - right
    if {$right eq ""} { set right $left }
    set need 0
    foreach w {l e ok cancel} {
        incr need [expr {[winfo reqwidth $new.$w] + 12}]
    }
    set one [expr {$need <= $width - $left - $right}]
    if {[info exists formRows($new)] && $formRows($new) == $one} { return }
    set formRows($new) $one
    bind $new <Destroy> +[list unset -nocomplain ::kiosk::ui::who::formRows($new)]
    grid forget $new.l $new.e $new.ok $new.cancel $new.msg
    foreach c {0 1 2 3} { grid columnconfigure $new $c -weight 0 }
    if {$one} {
        grid $new.l $new.e $new.ok $new.cancel -padx 6 -sticky w
        grid $new.msg -columnspan 4 -sticky ew
        grid columnconfigure $new 3 -weight 1
    } else {
        grid $new.l -row 0 -column 0 -columnspan 2 -padx 6 -sticky w
        grid $new.e -row 1 -column 0 -columnspan 2 -padx 6 -pady 6 -sticky ew
        grid $new.ok -row 2 -column 0 -padx 6 -sticky w
        grid $new.cancel -row 2 -column 1 -padx 6 -sticky w
        grid $new.msg -row 3 -column 0 -columnspan 2 -sticky ew
        grid columnconfigure $new 1 -weight 1
    }
}

# Lay the name buttons of frame NAMES out in as many columns (at most
# `columns`) as WIDTH holds at their widest; a name too long for the one
# column left is wrapped onto more lines.
proc ::kiosk::ui::who::Reflow {names width} {
    variable columns
    variable texts
    set buttons [lmap b [winfo children $names] {
        if {[winfo class $b] ne "TButton"} continue
        set b
    }]
    set font [ttk::style lookup Name.TButton -font]
    if {$font eq ""} { set font TkDefaultFont }
    lassign [$names cget -padding] left - right
    if {$right eq ""} { set right $left }
    set avail [expr {$width - $left - $right}]
    # Each button's own text, and what its padding and border add to it.
    set widest 1
    foreach b $buttons {
        if {![info exists texts($b)]} {
            set texts($b) [$b cget -text]
            bind $b <Destroy> +[list unset -nocomplain ::kiosk::ui::who::texts($b)]
        }
        set shown 0
        foreach line [split [$b cget -text] \n] {
            set shown [expr {max($shown, [font measure $font $line])}]
        }
        set extra($b) [expr {max(0, [winfo reqwidth $b] - $shown)}]
        set widest [expr {max($widest,
            $extra($b) + [font measure $font $texts($b)] + 16)}]
    }
    set n [expr {max(1, min($columns, $avail / $widest))}]
    set colw [expr {$avail / $n - 16}]
    if {[info exists ::kiosk::ui::who::laid($names)]
            && $::kiosk::ui::who::laid($names) eq [list $n $colw]} {
        return
    }
    set ::kiosk::ui::who::laid($names) [list $n $colw]
    bind $names <Destroy> +[list unset -nocomplain ::kiosk::ui::who::laid($names)]
    foreach b $buttons {
        set text [::kiosk::ui::app::wrapText $texts($b) $font \
            [expr {$colw - $extra($b)}]]
        if {[$b cget -text] ne $text} { $b configure -text $text }
    }
    set i 0
    # The new student's button stays last.
    set new [lsearch -inline -glob $buttons *.new]
    foreach b [concat [lsearch -all -inline -not -glob $buttons *.new] $new] {
        grid $b -row [expr {$i / $n}] -column [expr {$i % $n}]
        incr i
    }
    for {set c 0} {$c < $columns} {incr c} {
        grid columnconfigure $names $c -weight [expr {$c < $n}] \
            -uniform [expr {$c < $n ? "names" : ""}]
    }
}

proc ::kiosk::ui::who::Restyled {names} {
    if {![winfo exists $names]} { return }
    unset -nocomplain ::kiosk::ui::who::laid($names)
    Reflow $names [winfo width $names]
}

# Arrow keys move the focus between name buttons, in reading order.
proc ::kiosk::ui::who::BindMoves {b} {
    bind $b <<KioskNext>> [list ::kiosk::ui::who::Move %W 1]
    bind $b <<KioskDown>> [list ::kiosk::ui::who::Move %W columns]
    bind $b <<KioskPrev>> [list ::kiosk::ui::who::Move %W -1]
    bind $b <<KioskUp>> [list ::kiosk::ui::who::Move %W -columns]
}

proc ::kiosk::ui::who::Move {w by} {
    variable columns
    set by [string map [list columns $columns] $by]
    set buttons [lsort -command ::kiosk::ui::who::Order \
        [winfo children [winfo parent $w]]]
    set i [expr {[lsearch -exact $buttons $w] + $by}]
    if {$i >= 0 && $i < [llength $buttons]} {
        focus [lindex $buttons $i]
    }
}

proc ::kiosk::ui::who::Order {a b} {
    set ga [grid info $a] ; set gb [grid info $b]
    set ka [expr {[dict get $ga -row] * 100 + [dict get $ga -column]}]
    set kb [expr {[dict get $gb -row] * 100 + [dict get $gb -column]}]
    return [expr {$ka - $kb}]
}

proc ::kiosk::ui::who::Pick {id} {
    setStudent $id
    # A quiz left unfinished (the kiosk was switched off or left idle) is
    # offered first (screens/resume.tcl).
    if {[exists resume] && [::kiosk::ui::resume::pending $id] ne ""} {
        goto resume $id
        return
    }
    goto coursemap
}

proc ::kiosk::ui::who::New {f} {
    grid $f.new -row 4 -column 0 -sticky new
    $f.new.msg configure -text ""
    focus $f.new.e
}

proc ::kiosk::ui::who::Cancel {f} {
    grid forget $f.new
    focus $f.names.new
}

proc ::kiosk::ui::who::Add {f} {
    set name [string trim [$f.new.e get]]
    if {$name eq ""} {
        $f.new.msg configure -text [mc "Please type your name."]
        return
    }
    foreach s [students] {
        if {[string equal -nocase [dict get $s name] $name]} {
            $f.new.msg configure -text \
                [mc "That name is taken. Pick it above, or add a letter to tell you apart."]
            return
        }
    }
    if {[catch {addStudent $name} id o]} {
        $f.new.msg configure -text [recordsError $id $o]
        return
    }
    Pick $id
}

proc ::kiosk::ui::who::Back {} {
    goto attract
}
