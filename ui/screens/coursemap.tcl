# coursemap.tcl: the course as a timeline. Years run left to right on a
# canvas; each stage is a band on its own row, with the student's progress
# beside its title (lesson read, best quiz score, facts mastered) and its
# key events as marks. Under the canvas, the selected stage: its summary and
# the ways on (lesson, quiz, charts, map).
#
# Keyboard: Up/Down pick a stage, Left/Right walk its marks, Return opens
# the lesson (on a stage) or the fact card (on a mark). Mouse: a click on a
# band selects it, a double click opens the lesson, a click on a mark opens
# its card. The drawing is redone from state on every resize or restyle.

namespace eval ::kiosk::ui::coursemap {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    # Per frame $f: stages (list of stage dicts), marks,I (key events of
    # stage I), progress (records progress dict), facts,ID (fact count),
    # sel (selected stage index), mark (selected mark index or -1).
    variable state
}

# show FRAME ?STAGE?: STAGE (an id) is selected first.
proc ::kiosk::ui::coursemap::show {f {stage ""}} {
    variable state
    set db [course]
    set h [header $f -title [mc "Course map"] -back ::kiosk::ui::coursemap::Back]
    # The class quiz: the pack the teacher made active, if any.
    set pack [ActivePack]
    if {$pack ne ""} {
        ttk::button $h.extra.pack -style Accent.TButton \
            -text [mc "Class quiz: %s" [dict get $pack title]] \
            -command [list ::kiosk::ui::coursemap::Pack [dict get $pack id]]
        pack $h.extra.pack -side left
    }
    set state($f,stages) [$db stages]
    set i 0
    foreach s $state($f,stages) {
        set state($f,marks,$i) [$db events -stage [dict get $s id] -key 1]
        set state($f,facts,[dict get $s id]) \
            [llength [$db facts -stage [dict get $s id]]]
        incr i
    }
    set state($f,progress) [Progress]
    set state($f,sel) 0
    set state($f,mark) -1
    set i 0
    foreach s $state($f,stages) {
        if {[dict get $s id] eq $stage} { set state($f,sel) $i }
        incr i
    }
    ttk::label $f.hint -style Small.TLabel -text \
        [mc "\u2191 \u2193 choose a stage   \u2190 \u2192 its key events   Enter opens   Tab moves to the buttons"]
    grid $f.hint -row 2 -column 0 -sticky w -padx 16 -pady {6 0}
    bind $f <Configure> +[list ::kiosk::ui::coursemap::HintWrap $f %W %w]
    canvas $f.c -highlightthickness 3 -takefocus 1 -borderwidth 0 \
        -height 360 -background [::kiosk::ui::theme::color bg] \
        -highlightcolor [::kiosk::ui::theme::color focus] \
        -highlightbackground [::kiosk::ui::theme::color bg]
    grid $f.c -row 3 -column 0 -sticky nsew -padx 12 -pady 6
    # The selected stage.
    ttk::frame $f.d -style Card.TFrame -padding {20 12}
    ttk::label $f.d.title -style Head.TLabel -background [::kiosk::ui::theme::color panel]
    ttk::label $f.d.period -style Muted.TLabel -background [::kiosk::ui::theme::color panel]
    ttk::label $f.d.summary -justify left -wraplength 900 \
        -background [::kiosk::ui::theme::color panel]
    ttk::label $f.d.progress -background [::kiosk::ui::theme::color panel]
    ttk::frame $f.d.buttons -style Panel.TFrame
    ttk::button $f.d.buttons.lesson -text [mc "Read the lesson"] \
        -style Accent.TButton -command [list ::kiosk::ui::coursemap::Lesson $f]
    ttk::button $f.d.buttons.quiz -text [mc "Quiz me on this stage"] \
        -command [list ::kiosk::ui::coursemap::Quiz $f]
    foreach {name label} [list review [mc "Review"] charts [mc "Charts"] \
            map [mc "Map"]] {
        if {[exists $name]} {
            ttk::button $f.d.buttons.$name -text $label \
                -command [list ::kiosk::ui::coursemap::Other $f $name]
        }
    }
    flow $f.d.buttons
    grid $f.d.title -sticky w
    grid $f.d.period -sticky w
    grid $f.d.summary -sticky ew -pady 6
    grid $f.d.progress -sticky w -pady {0 8}
    grid $f.d.buttons -sticky ew
    grid columnconfigure $f.d 0 -weight 1
    grid $f.d -row 4 -column 0 -sticky ew -padx 12 -pady {0 12}
    grid columnconfigure $f 0 -weight 1
    grid rowconfigure $f 3 -weight 1
    bind $f.d <Configure> [list ::kiosk::ui::coursemap::Wrap $f %w]
    bind $f.c <Configure> [list ::kiosk::ui::coursemap::Draw $f]
    bind $f.c <<KioskRestyle>> [list ::kiosk::ui::coursemap::Restyle $f]
    bind $f.c <<KioskUp>> [list ::kiosk::ui::coursemap::Move $f -1]
    bind $f.c <<KioskDown>> [list ::kiosk::ui::coursemap::Move $f 1]
    bind $f.c <<KioskPrev>> [list ::kiosk::ui::coursemap::Walk $f -1]
    bind $f.c <<KioskNext>> [list ::kiosk::ui::coursemap::Walk $f 1]
    bind $f.c <<KioskActivate>> [list ::kiosk::ui::coursemap::Activate $f]
    bind $f.c <FocusIn> [list ::kiosk::ui::coursemap::Draw $f]
    bind $f.c <FocusOut> [list ::kiosk::ui::coursemap::Draw $f]
    bind $f <Destroy> +[list ::kiosk::ui::coursemap::Forget %W $f]
    Details $f
    focus $f.c
}

# The records progress of the current student: stage -> dict, or {}.
proc ::kiosk::ui::coursemap::Progress {} {
    set rec [records]
    if {$rec eq "" || [student] eq ""} { return {} }
    return [recordsRead {$rec progress [student]} {}]
}

# The active quiz pack as a dict (id title ...), or "".
proc ::kiosk::ui::coursemap::ActivePack {} {
    set rec [records]
    if {$rec eq ""} { return "" }
    set id [recordsRead {$rec packs active} ""]
    if {$id eq ""} { return "" }
    return [recordsRead {$rec packs get $id} "" {{KIOSK RECORDS NOPACK}}]
}

proc ::kiosk::ui::coursemap::Pack {id} {
    goto quiz -pack $id
}

# The timeline's years: {first last} over stages and key events.
proc ::kiosk::ui::coursemap::Years {f} {
    variable state
    set lo 9999 ; set hi 0
    foreach s $state($f,stages) {
        set lo [expr {min($lo, [dict get $s y0])}]
        set hi [expr {max($hi, [dict get $s y1])}]
    }
    if {$hi == 0} { return {1991 2019} }
    return [list $lo $hi]
}

# Where in the years an event sits: its year plus the month's share.
proc ::kiosk::ui::coursemap::When {e} {
    set d [string trimleft [dict get $e date] ~]
    set first [lindex [split [string map {.. |} $d] |] 0]
    if {[regexp {^(\d{4})-(\d\d)} $first -> y m]} {
        return [expr {$y + ([scan $m %d] - 0.5) / 12.0}]
    }
    if {[regexp {^(\d{4})} $first -> y]} {
        return [expr {$y + 0.5}]
    }
    return [dict get $e y0]
}

# One line of progress for stage S.
proc ::kiosk::ui::coursemap::ProgressText {f s {long 0}} {
    variable state
    set id [dict get $s id]
    set p {}
    if {[dict exists $state($f,progress) $id]} {
        set p [dict get $state($f,progress) $id]
    }
    set bits {}
    if {[dict exists $p read] && [dict get $p read]} {
        lappend bits [mc "\u2713 read"]
    } else {
        lappend bits [mc "not read yet"]
    }
    if {[dict exists $p best]} {
        lappend bits [mc "best quiz %d%%" [expr {round(100 * [dict get $p best])}]]
    } elseif {$long} {
        lappend bits [mc "no quiz yet"]
    }
    set n $state($f,facts,$id)
    set m [expr {[dict exists $p mastered] ? [dict get $p mastered] : 0}]
    if {$long || $m} {
        lappend bits [mc "%d of %d facts mastered" $m $n]
    }
    return [join $bits "  \u00b7  "]
}

# Draw the whole timeline from state.
proc ::kiosk::ui::coursemap::Draw {f} {
    variable state
    set c $f.c
    if {![winfo exists $c]} { return }
    $c delete all
    set W [winfo width $c] ; set H [winfo height $c]
    if {$W < 50} { return }
    set col [dict create]
    foreach k {fg muted band1 band2 mark focus border panel accent bg} {
        dict set col $k [::kiosk::ui::theme::color $k]
    }
    lassign [Years $f] Y0 Y1
    set n [llength $state($f,stages)]
    set ls [font metrics KioskBody -linespace]
    set ss [font metrics KioskSmall -linespace]
    set axisH [expr {$ss + 14}]
    set left [expr {min(int($W * 0.36), 440)}]
    set right 16
    # Rows share the height; when they are too low for two lines (large
    # text on a small screen) the progress line is left to the panel below.
    set rowH [expr {max(10, ($H - $axisH - 8) / max(1, $n))}]
    set twoLines [expr {$rowH >= $ls + $ss + 10}]
    set titleFont [expr {$rowH >= $ls + 4 ? "KioskBody" : "KioskSmall"}]
    set x0 $left ; set x1 [expr {$W - $right}]
    set span [expr {double($x1 - $x0) / ($Y1 + 1 - $Y0)}]
    # Year axis at the top: a tick per year, a label as often as fits;
    # the last label ends at the canvas's edge when it would pass it.
    set lw [font measure KioskSmall "2000 "]
    set every 1
    while {$every * $span < $lw} { incr every }
    set prev -1000
    for {set y $Y0} {$y <= $Y1 + 1} {incr y} {
        set x [expr {$x0 + ($y - $Y0) * $span}]
        $c create line $x $axisH $x [expr {$axisH + $n * $rowH}] \
            -fill [dict get $col border] -dash {2 4}
        if {($y - $Y0) % $every == 0 && $y <= $Y1} {
            set tx [expr {min($x + 2, $W - 4 - [font measure KioskSmall $y])}]
            if {$tx < $prev + [font measure KioskSmall " "]} { continue }
            set id [$c create text $tx 2 -anchor nw -text $y \
                -font KioskSmall -fill [dict get $col muted]]
            set prev [lindex [$c bbox $id] 2]
        }
    }
    set i 0
    foreach s $state($f,stages) {
        set top [expr {$axisH + $i * $rowH}]
        set mid [expr {$top + $rowH / 2.0}]
        set sel [expr {$i == $state($f,sel)}]
        set band [expr {$i % 2 ? "band2" : "band1"}]
        # The row: its label and progress on the left.
        if {$sel} {
            $c create rectangle 2 [expr {$top + 1}] [expr {$W - 2}] \
                [expr {$top + $rowH - 1}] -outline [dict get $col focus] \
                -width 3 -tags [list row row$i]
        }
        set title "[dict get $s ord]. [dict get $s title]"
        set font [expr {$sel && $titleFont eq "KioskBody" ? "KioskBold" : $titleFont}]
        set title [Fit $title $font [expr {$left - 24}]]
        set ty [expr {$twoLines ? $mid - $ss / 2.0 - 1 : $mid}]
        $c create text 10 $ty -anchor w -text $title -font $font \
            -fill [dict get $col fg] -tags [list label row$i]
        if {$twoLines} {
            $c create text 10 [expr {$mid + $ls / 2.0 + 1}] -anchor w \
                -text [Fit [ProgressText $f $s] KioskSmall [expr {$left - 24}]] \
                -font KioskSmall -fill [dict get $col muted] -tags [list label row$i]
        }
        # The band: the stage's years.
        set bx0 [expr {$x0 + ([dict get $s y0] - $Y0) * $span}]
        set bx1 [expr {$x0 + ([dict get $s y1] + 1 - $Y0) * $span}]
        set inset [expr {min(6, $rowH / 6)}]
        $c create rectangle $bx0 [expr {$top + $inset}] $bx1 [expr {$top + $rowH - $inset}] \
            -fill [dict get $col $band] -outline [dict get $col border] \
            -width [expr {$sel ? 2 : 1}] -tags [list band row$i]
        # The key events.
        set j 0
        set r [expr {max(4, min(12, $rowH / 4))}]
        foreach e $state($f,marks,$i) {
            set x [expr {$x0 + ([When $e] - $Y0) * $span}]
            set on [expr {$sel && $j == $state($f,mark)}]
            set rr [expr {$on ? $r + 4 : $r}]
            $c create polygon $x [expr {$mid - $rr}] [expr {$x + $rr}] $mid \
                $x [expr {$mid + $rr}] [expr {$x - $rr}] $mid \
                -fill [dict get $col mark] \
                -outline [dict get $col [expr {$on ? "focus" : "bg"}]] \
                -width [expr {$on ? 3 : 1}] -tags [list mark m$i.$j]
            $c bind m$i.$j <ButtonRelease-1> \
                [list ::kiosk::ui::coursemap::ClickMark $f $i $j]
            $c bind m$i.$j <Enter> [list ::kiosk::ui::coursemap::Hover $f $i $j]
            $c bind m$i.$j <Leave> [list ::kiosk::ui::coursemap::Unhover $f]
            incr j
        }
        $c bind row$i <ButtonRelease-1> [list ::kiosk::ui::coursemap::Select $f $i]
        $c bind row$i <Double-ButtonRelease-1> [list ::kiosk::ui::coursemap::Lesson $f]
        incr i
    }
    $c raise mark
    # The selected mark's title, beside it.
    if {$state($f,mark) >= 0} {
        Bubble $f $state($f,sel) $state($f,mark)
    }
}

# A text cut to fit WIDTH pixels, with an ellipsis.
proc ::kiosk::ui::coursemap::Fit {text font width} {
    if {[font measure $font $text] <= $width} { return $text }
    while {[string length $text] > 3 &&
           [font measure $font "$text\u2026"] > $width} {
        set text [string range $text 0 end-1]
    }
    return "[string trimright $text]\u2026"
}

# The title of mark J of stage I in a box next to it.
proc ::kiosk::ui::coursemap::Bubble {f i j} {
    variable state
    set c $f.c
    $c delete bubble
    set e [lindex $state($f,marks,$i) $j]
    if {$e eq ""} { return }
    lassign [$c bbox m$i.$j] ax0 ay0 ax1 ay1
    if {$ax0 eq ""} { return }
    set text "[::kiosk::ui::cards::when $e date]: [dict get $e title]"
    set W [winfo width $c]
    set maxw [expr {min(520, $W / 2)}]
    set t [$c create text 0 0 -text $text -font KioskSmall -width $maxw \
        -anchor nw -fill [::kiosk::ui::theme::color fg] -tags bubble]
    lassign [$c bbox $t] bx0 by0 bx1 by1
    set bw [expr {$bx1 - $bx0}] ; set bh [expr {$by1 - $by0}]
    set x [expr {min($W - $bw - 12, max(8, ($ax0 + $ax1) / 2 - $bw / 2))}]
    set y [expr {$ay1 + 6}]
    if {$y + $bh + 8 > [winfo height $c]} { set y [expr {$ay0 - $bh - 10}] }
    $c coords $t $x $y
    $c create rectangle [expr {$x - 6}] [expr {$y - 4}] [expr {$x + $bw + 6}] \
        [expr {$y + $bh + 4}] -fill [::kiosk::ui::theme::color panel] \
        -outline [::kiosk::ui::theme::color border] -tags bubble
    $c raise $t
}

proc ::kiosk::ui::coursemap::Hover {f i j} {
    Bubble $f $i $j
}

proc ::kiosk::ui::coursemap::Unhover {f} {
    variable state
    $f.c delete bubble
    if {$state($f,mark) >= 0} {
        Bubble $f $state($f,sel) $state($f,mark)
    }
}

# Fill the detail panel for the selected stage.
proc ::kiosk::ui::coursemap::Details {f} {
    variable state
    set s [lindex $state($f,stages) $state($f,sel)]
    if {$s eq ""} {
        $f.d.title configure -text [mc "This course has no stages yet."]
        return
    }
    $f.d.title configure -text [mc "Stage %d: %s" [dict get $s ord] [dict get $s title]]
    $f.d.period configure -text [::kiosk::ui::cards::when $s period]
    $f.d.summary configure -text \
        [expr {[dict exists $s summary] ? [dict get $s summary] : ""}]
    $f.d.progress configure -text [ProgressText $f $s 1]
}

proc ::kiosk::ui::coursemap::Wrap {f width} {
    $f.d.summary configure -wraplength [expr {max(400, $width - 48)}]
}

proc ::kiosk::ui::coursemap::Select {f i} {
    variable state
    set state($f,sel) $i
    set state($f,mark) -1
    Details $f
    Draw $f
    focus $f.c
}

# Up/Down: the stage above or below.
proc ::kiosk::ui::coursemap::Move {f by} {
    variable state
    set n [llength $state($f,stages)]
    set i [expr {$state($f,sel) + $by}]
    if {$i < 0 || $i >= $n} { return }
    Select $f $i
}

# Left/Right: the previous or next key event of the stage (-1: none).
proc ::kiosk::ui::coursemap::Walk {f by} {
    variable state
    set i $state($f,sel)
    set n [llength $state($f,marks,$i)]
    set j [expr {$state($f,mark) + $by}]
    if {$j < -1 || $j >= $n} { return }
    set state($f,mark) $j
    Draw $f
}

proc ::kiosk::ui::coursemap::Activate {f} {
    variable state
    if {$state($f,mark) >= 0} {
        OpenMark $f $state($f,sel) $state($f,mark)
    } else {
        Lesson $f
    }
}

proc ::kiosk::ui::coursemap::ClickMark {f i j} {
    variable state
    set state($f,sel) $i
    set state($f,mark) $j
    Details $f
    Draw $f
    OpenMark $f $i $j
}

proc ::kiosk::ui::coursemap::OpenMark {f i j} {
    variable state
    set e [lindex $state($f,marks,$i) $j]
    ::kiosk::ui::cards::fact $f [dict get $e id] \
        -lesson ::kiosk::ui::coursemap::GoLesson
}

proc ::kiosk::ui::coursemap::GoLesson {stage para} {
    goto lesson $stage $para
}

proc ::kiosk::ui::coursemap::Stage {f} {
    variable state
    return [dict get [lindex $state($f,stages) $state($f,sel)] id]
}

proc ::kiosk::ui::coursemap::Lesson {f} {
    goto lesson [Stage $f]
}

proc ::kiosk::ui::coursemap::Quiz {f} {
    goto quiz -stages [list [Stage $f]]
}

proc ::kiosk::ui::coursemap::Other {f name} {
    goto $name [Stage $f]
}

proc ::kiosk::ui::coursemap::Restyle {f} {
    $f.c configure -background [::kiosk::ui::theme::color bg] \
        -highlightcolor [::kiosk::ui::theme::color focus] \
        -highlightbackground [::kiosk::ui::theme::color bg]
    foreach w [winfo children $f.d] {
        if {[winfo class $w] eq "TLabel"} {
            $w configure -background [::kiosk::ui::theme::color panel]
        }
    }
    Draw $f
}

# The key hint wraps at the screen's width.
proc ::kiosk::ui::coursemap::HintWrap {f w width} {
    if {$w ne $f || ![winfo exists $f.hint]} { return }
    $f.hint configure -wraplength [expr {max(300, $width - 40)}] -justify left
}

# Back: to "Who are you?", signed out, and saying so (not in silence).
proc ::kiosk::ui::coursemap::Back {} {
    set name [::kiosk::ui::app::StudentName]
    setStudent ""
    goto who
    if {$name ne ""} {
        toast [mc "%s is signed out. Your work is saved." $name]
    }
}

proc ::kiosk::ui::coursemap::Forget {w f} {
    variable state
    if {$w eq $f} { array unset state $f,* }
}
