# who.tcl: "Who are you?". One big button per student on this machine and
# "I'm new" to add one; no passwords on a classroom kiosk. Arrow keys move
# between the names, Return picks one.

namespace eval ::kiosk::ui::who {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    # How many name buttons per row.
    variable columns 4
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
        ttk::label $f.hint -style Muted.TLabel \
            -text [mc "Nobody has used this kiosk yet. Press \"I'm new\" to begin."]
        grid $f.hint -row 2 -column 0 -pady {24 0}
    }
    grid $f.names -row 3 -column 0 -sticky new
    grid columnconfigure $f 0 -weight 1
    grid rowconfigure $f 3 -weight 1
    # The "new student" form, shown by New.
    ttk::frame $f.new -padding {40 12}
    ttk::label $f.new.l -text [mc "Your name:"] -font KioskBig
    ttk::entry $f.new.e -font KioskBig -width 24
    ttk::button $f.new.ok -text [mc "Start"] -style Accent.TButton \
        -command [list ::kiosk::ui::who::Add $f]
    ttk::button $f.new.cancel -text [mc "Cancel"] \
        -command [list ::kiosk::ui::who::Cancel $f]
    ttk::label $f.new.msg -style Wrong.TLabel
    grid $f.new.l $f.new.e $f.new.ok $f.new.cancel -padx 6 -sticky w
    grid $f.new.msg -columnspan 4 -sticky w
    bind $f.new.e <Return> [list ::kiosk::ui::who::Add $f]
    bind $f.new.e <KP_Enter> [list ::kiosk::ui::who::Add $f]
    bind $f.new.e <Escape> [list ::kiosk::ui::who::Cancel $f]
    if {[llength $students]} {
        focus $f.names.b0
    } else {
        focus $f.names.new
    }
}

# Lay the name buttons of frame NAMES out in as many columns (at most
# `columns`) as WIDTH holds at their widest.
proc ::kiosk::ui::who::Reflow {names width} {
    variable columns
    set buttons [lmap b [winfo children $names] {
        if {[winfo class $b] ne "TButton"} continue
        set b
    }]
    set widest 1
    foreach b $buttons {
        set widest [expr {max($widest, [winfo reqwidth $b] + 16)}]
    }
    lassign [$names cget -padding] left - right
    if {$right eq ""} { set right $left }
    set n [expr {max(1, min($columns, ($width - $left - $right) / $widest))}]
    if {[info exists ::kiosk::ui::who::laid($names)] && $::kiosk::ui::who::laid($names) == $n} {
        return
    }
    set ::kiosk::ui::who::laid($names) $n
    bind $names <Destroy> +[list unset -nocomplain ::kiosk::ui::who::laid($names)]
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
