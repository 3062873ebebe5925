# lesson.tcl: the lesson reader. The stage's lesson in a text widget with
# its annotations live: a footnote marker opens the citation, a glossary
# term its definition, a highlighted date or figure its fact card. A side
# panel lists the stage's key figures and dates (the same live links).
# Previous / next stage, "Quiz me on this stage", Charts and Map.
#
# Keyboard: Tab and Shift+Tab walk the annotations of the text (then leave
# it), Return opens the one shown, Up/Down/PageUp/PageDown scroll,
# Alt+Left / Alt+Right change stage, Escape goes back. The lesson is marked
# read once its end has been on screen.

namespace eval ::kiosk::ui::lesson {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    # Per text widget $t: anns (list of {tag kind target}), cur (index in
    # anns or -1). Per frame $f: stage, prev, next (stage ids or ""),
    # back (the command of the Back button), read (1 once marked).
    variable state
}

# show FRAME STAGE ?PARA? ?-back CMDLIST?: PARA (1-based) is scrolled to and
# flashed; -back replaces the Back button's target (the quiz uses it to
# come back to the question).
proc ::kiosk::ui::lesson::show {f stage {para ""} args} {
    variable state
    set db [course]
    set s [$db stage $stage]
    set state($f,stage) $stage
    set state($f,read) 0
    set state($f,back) [list ::kiosk::ui::app::goto coursemap $stage]
    if {[dict exists $args -back]} {
        set state($f,back) [dict get $args -back]
    }
    # Neighbours in teaching order.
    set ids [lmap x [$db stages] {dict get $x id}]
    set i [lsearch -exact $ids $stage]
    set state($f,prev) [expr {$i > 0 ? [lindex $ids $i-1] : ""}]
    set state($f,next) [lindex $ids $i+1]

    header $f -title [mc "Stage %d: %s" [dict get $s ord] [dict get $s title]] \
        -back [list ::kiosk::ui::lesson::Back $f] -span 2
    # The lesson.
    ttk::frame $f.main
    set t $f.main.text
    text $t -wrap word -font KioskBody -padx 28 -pady 20 -borderwidth 0 \
        -highlightthickness 3 -cursor arrow -takefocus 1 -width 40 -height 10 \
        -spacing1 2 -spacing2 4 -spacing3 2 \
        -yscrollcommand [list ::kiosk::ui::lesson::Scrolled $f $f.main.sb]
    ttk::scrollbar $f.main.sb -command [list $t yview]
    grid $t $f.main.sb -sticky nsew
    grid columnconfigure $f.main 0 -weight 1
    grid rowconfigure $f.main 0 -weight 1
    # The side panel.
    ttk::frame $f.side -padding {0 0 12 0}
    ttk::label $f.side.head -text [mc "Key facts"] -style Head.TLabel
    set p $f.side.text
    text $p -wrap word -font KioskBody -padx 14 -pady 10 -borderwidth 0 \
        -highlightthickness 3 -cursor arrow -takefocus 1 -width 24 -height 10 \
        -spacing3 6 -yscrollcommand [list $f.side.sb set]
    # Long key facts scroll (by the bar, or a touch drag: KioskDragText).
    ttk::scrollbar $f.side.sb -command [list $p yview]
    grid $f.side.head - -sticky w -pady {0 6}
    grid $p $f.side.sb -sticky nsew
    foreach w [list $t $p] {
        bindtags $w [linsert [bindtags $w] 1 KioskDragText]
    }
    grid columnconfigure $f.side 0 -weight 1
    grid rowconfigure $f.side 1 -weight 1
    # The ways on, in a row that wraps when the text is large.
    ttk::frame $f.nav -padding {12 8}
    ttk::button $f.nav.prev -text [mc "\u2190 Previous stage"] \
        -command [list ::kiosk::ui::lesson::Stage $f prev]
    ttk::button $f.nav.quiz -text [mc "Quiz me on this stage"] \
        -style Accent.TButton -command [list ::kiosk::ui::lesson::Quiz $f]
    foreach {name label} [list charts [mc "Charts"] map [mc "Map"]] {
        if {[exists $name]} {
            ttk::button $f.nav.$name -text $label \
                -command [list ::kiosk::ui::lesson::Other $f $name]
        }
    }
    ttk::button $f.nav.next -text [mc "Next stage \u2192"] \
        -command [list ::kiosk::ui::lesson::Stage $f next]
    flow $f.nav
    if {$state($f,prev) eq ""} { $f.nav.prev state disabled }
    if {$state($f,next) eq ""} { $f.nav.next state disabled }

    grid $f.main -row 2 -column 0 -sticky nsew -padx {12 8} -pady 8
    grid $f.side -row 2 -column 1 -sticky nsew -pady 8
    grid $f.nav -row 3 -column 0 -columnspan 2 -sticky ew
    grid columnconfigure $f 0 -weight 3 -minsize 560
    grid columnconfigure $f 1 -weight 1 -minsize 260
    grid rowconfigure $f 2 -weight 1

    Setup $f $t
    Setup $f $p
    Fill $t [$db lesson $stage] 1
    Fill $p [SideRuns $db $stage] 0
    key <<KioskNextStage>> [list ::kiosk::ui::lesson::Stage $f next]
    key <<KioskPrevStage>> [list ::kiosk::ui::lesson::Stage $f prev]
    bind $f <Destroy> +[list ::kiosk::ui::lesson::Forget $f]
    focus $t
    if {[string is integer -strict $para] && $para > 0} {
        update idletasks
        Goto $f $para
    }
}

# The side panel as runs: each key figure (value, then its label) and each
# key event (date, then its title), as live fact links.
proc ::kiosk::ui::lesson::SideRuns {db stage} {
    set paras {}
    set figs [$db figures -stage $stage]
    if {[llength $figs]} {
        lappend paras [list [dict create kind head text [mc "Figures"]]]
    }
    foreach fig $figs {
        lappend paras [list \
            [dict create kind fact text [::kiosk::ui::cards::value $fig] \
                target [dict get $fig id]] \
            [dict create kind text text "\n[dict get $fig label]"]]
    }
    set evs [$db events -stage $stage -key 1]
    if {[llength $evs]} {
        lappend paras [list [dict create kind head text [mc "Key dates"]]]
    }
    foreach e $evs {
        lappend paras [list \
            [dict create kind fact text [::kiosk::ui::cards::when $e date] \
                target [dict get $e id]] \
            [dict create kind text text "\n[dict get $e title]"]]
    }
    if {![llength $paras]} {
        lappend paras [list [dict create kind text text [mc "No key facts for this stage."]]]
    }
    return $paras
}

# Tags and bindings of a text widget showing runs.
proc ::kiosk::ui::lesson::Setup {f t} {
    variable state
    set state($t,anns) {}
    set state($t,cur) -1
    Colors $t
    $t tag configure note -offset 6 -font KioskSmall
    $t tag configure head -font KioskBold -spacing1 10
    $t tag configure term -underline 1
    foreach kind {fact note term} {
        $t tag bind $kind <Enter> [list ::kiosk::ui::lesson::Hand $t 1]
        $t tag bind $kind <Leave> [list ::kiosk::ui::lesson::Hand $t 0]
        $t tag bind $kind <ButtonRelease-1> \
            [list ::kiosk::ui::lesson::Click $f $t %x %y]
    }
    bind $t <Tab> [list ::kiosk::ui::lesson::Walk $f $t 1]
    bind $t <Shift-Tab> [list ::kiosk::ui::lesson::Walk $f $t -1]
    bind $t <ISO_Left_Tab> [list ::kiosk::ui::lesson::Walk $f $t -1]
    bind $t <<KioskActivate>> [list ::kiosk::ui::lesson::Activate $f $t]
    bind $t <<KioskUp>> [list ::kiosk::ui::lesson::Scroll $t -1 units]
    bind $t <<KioskDown>> [list ::kiosk::ui::lesson::Scroll $t 1 units]
    bind $t <Prior> [list ::kiosk::ui::lesson::Scroll $t -1 pages]
    bind $t <Next> [list ::kiosk::ui::lesson::Scroll $t 1 pages]
    bind $t <space> [list ::kiosk::ui::lesson::Scroll $t 1 pages]
    bind $t <Home> [list ::kiosk::ui::lesson::Scroll $t 0 moveto]
    bind $t <End> [list ::kiosk::ui::lesson::Scroll $t 1 moveto]
    bind $t <<KioskRestyle>> [list ::kiosk::ui::lesson::Colors $t]
    bind $t <Configure> [list ::kiosk::ui::lesson::Measure $t %w]
}

# Keep lines to a readable length on wide screens: the spare width goes
# into the margins.
proc ::kiosk::ui::lesson::Measure {t width} {
    set avg [expr {[font measure KioskBody "abcdefghijklmnopqrstuvwxyz"] / 26.0}]
    set pad [expr {max(14, int(($width - 78 * $avg) / 2))}]
    if {[$t cget -padx] != $pad} {
        $t configure -padx $pad
    }
}

proc ::kiosk::ui::lesson::Colors {t} {
    set C ::kiosk::ui::theme::color
    $t configure -background [$C panel] -foreground [$C fg] \
        -highlightcolor [$C focus] -highlightbackground [$C bg] \
        -selectbackground [$C select] -inactiveselectbackground [$C select]
    $t tag configure fact -background [$C fact] -foreground [$C factfg]
    $t tag configure note -foreground [$C note]
    $t tag configure term -foreground [$C term]
    $t tag configure cur -background [$C focus] -foreground #000000 \
        -borderwidth 2 -relief raised
    $t tag configure flash -background [$C select]
    $t tag raise cur
}

# Put PARAS (list of run lists) into text widget T. LESSON: paragraphs are
# tagged p1, p2... and separated by a blank line.
proc ::kiosk::ui::lesson::Fill {t paras lesson} {
    variable state
    $t configure -state normal
    $t delete 1.0 end
    set n 0
    set i 0
    foreach runs $paras {
        incr i
        set start [$t index "end -1c"]
        foreach r $runs {
            set kind [dict get $r kind]
            set text [dict get $r text]
            switch -- $kind {
                fact - term - note {
                    set tag a[incr n]
                    lappend state($t,anns) [list $tag $kind [dict get $r target]]
                    $t insert end $text [list $kind $tag]
                }
                head {
                    $t insert end $text head
                }
                default {
                    $t insert end $text
                }
            }
        }
        if {$lesson} {
            $t tag add p$i $start "end -1c"
        }
        $t insert end [expr {$lesson ? "\n\n" : "\n"}]
    }
    $t configure -state disabled
}

proc ::kiosk::ui::lesson::Hand {t on} {
    $t configure -cursor [expr {$on ? "hand2" : "arrow"}]
}

# The annotation under the pointer, opened.
proc ::kiosk::ui::lesson::Click {f t x y} {
    variable state
    foreach tag [$t tag names @$x,$y] {
        set i [lsearch -exact -index 0 $state($t,anns) $tag]
        if {$i >= 0} {
            Select $t $i
            Open $f $t $i
            return
        }
    }
}

# Tab / Shift+Tab: the next or previous annotation; past the last one the
# focus moves on to the next widget.
proc ::kiosk::ui::lesson::Walk {f t by} {
    variable state
    set n [llength $state($t,anns)]
    set i [expr {$state($t,cur) + $by}]
    if {$state($t,cur) < 0 && $by < 0} { set i -1 }
    if {$i < 0 || $i >= $n} {
        Select $t -1
        focus [expr {$by > 0 ? [tk_focusNext $t] : [tk_focusPrev $t]}]
        return -code break
    }
    Select $t $i
    return -code break
}

proc ::kiosk::ui::lesson::Select {t i} {
    variable state
    $t tag remove cur 1.0 end
    set state($t,cur) $i
    if {$i < 0} { return }
    set tag [lindex $state($t,anns) $i 0]
    $t tag add cur $tag.first $tag.last
    $t see $tag.first
}

proc ::kiosk::ui::lesson::Activate {f t} {
    variable state
    if {$state($t,cur) >= 0} {
        Open $f $t $state($t,cur)
    }
    return -code break
}

# Open annotation I of T as its card.
proc ::kiosk::ui::lesson::Open {f t i} {
    lassign [lindex $::kiosk::ui::lesson::state($t,anns) $i] tag kind target
    switch -- $kind {
        fact { ::kiosk::ui::cards::fact $f $target }
        note { ::kiosk::ui::cards::note $f $target }
        term { ::kiosk::ui::cards::term $f $target }
    }
}

proc ::kiosk::ui::lesson::Scroll {t n what} {
    if {$what eq "moveto"} {
        $t yview moveto $n
    } else {
        $t yview scroll $n $what
    }
    return -code break
}

# Scroll to paragraph PARA and flash it.
proc ::kiosk::ui::lesson::Goto {f para} {
    set t $f.main.text
    if {[$t tag ranges p$para] eq ""} { return }
    $t yview [$t index p$para.first]
    $t tag add flash p$para.first p$para.last
    timer $t flash 4000 [list ::kiosk::ui::lesson::Unflash $t]
}

proc ::kiosk::ui::lesson::Unflash {t} {
    $t tag remove flash 1.0 end
}

# A touch drag on a lesson text scrolls it (rather than selecting).
namespace eval ::kiosk::ui::lesson { variable dragY "" }
bind KioskDragText <ButtonPress-1> {set ::kiosk::ui::lesson::dragY %y}
bind KioskDragText <B1-Motion> {::kiosk::ui::lesson::DragText %W %y; break}

proc ::kiosk::ui::lesson::DragText {w y} {
    variable dragY
    if {$dragY eq ""} { return }
    $w yview scroll [expr {$dragY - $y}] pixels
    set dragY $y
}

# The text's yscrollcommand: moves the scrollbar and marks the lesson read
# once its end is on screen.
proc ::kiosk::ui::lesson::Scrolled {f sb first last} {
    variable state
    $sb set $first $last
    if {$last >= 0.999 && [info exists state($f,read)] && !$state($f,read)} {
        set state($f,read) 1
        timer $f read 600 [list ::kiosk::ui::lesson::MarkRead $f]
    }
}

proc ::kiosk::ui::lesson::MarkRead {f} {
    variable state
    set rec [records]
    if {$rec eq "" || [student] eq ""} { return }
    try {
        $rec lesson-read [student] $state($f,stage)
    } on error {msg o} {
        toast [mc "That you read this lesson could not be saved: %s" [recordsError $msg $o]] 10000
    }
}

proc ::kiosk::ui::lesson::Stage {f which} {
    variable state
    if {$state($f,$which) ne ""} {
        goto lesson $state($f,$which)
    }
}

proc ::kiosk::ui::lesson::Quiz {f} {
    variable state
    goto quiz -stages [list $state($f,stage)]
}

proc ::kiosk::ui::lesson::Other {f name} {
    variable state
    goto $name $state($f,stage)
}

proc ::kiosk::ui::lesson::Back {f} {
    variable state
    uplevel #0 $state($f,back)
}

proc ::kiosk::ui::lesson::Forget {f} {
    variable state
    array unset state $f,*
    array unset state $f.main.text,*
    array unset state $f.side.text,*
}
