# chartkit.tcl: what the charts and map screens share: keyboard travel
# between the clickable items of a canvas with a visible focus ring,
# opening a fact's card (ui/cards.tcl), and figures in words (the cards'
# formatting, so a value reads the same on a chart as on its card).
#
# It is not a screen (no show proc) and not a plotting library.
#
# A canvas joins in with `nav $c ITEMS`: ITEMS is the ordered list of
# {fact-id tag} pairs, where tag marks every canvas item of one target. Up,
# Down, Left, Right move the ring, Return opens the card, a click on any
# item of a target opens its card.

namespace eval ::kiosk::ui::chartkit {
    namespace export amount noteText periodText nav openFact current
    namespace import ::msgcat::mc
    # Per-canvas state, keyed "$canvas,KEY": items (the nav list), cur (the
    # index of the focused target, -1 for none).
    variable state
    array set state {}
}

# VALUE in UNIT as the fact card writes it: "$396 million", "8,000 km",
# "about $9 billion" when APPROX.
proc ::kiosk::ui::chartkit::amount {value unit {approx 0}} {
    return [::kiosk::ui::cards::value [dict create value $value unit $unit \
        approx $approx]]
}

# The footnote marker for source id SOURCE ("n13" -> "note 13").
proc ::kiosk::ui::chartkit::noteText {source} {
    return [mc "note %s" [string trimleft $source n]]
}

# A KDATE period in words, as the fact card writes it ("1992–2000").
proc ::kiosk::ui::chartkit::periodText {period} {
    return [::kiosk::ui::cards::period $period]
}

### Keyboard travel and clicks on a canvas.

# Make canvas C navigable over ITEMS (see the header). Called after every
# redraw: the focused target is kept by its fact id when it is still there.
proc ::kiosk::ui::chartkit::nav {c items} {
    variable state
    set keep ""
    if {[info exists state($c,cur)] && $state($c,cur) >= 0
            && $state($c,cur) < [llength $state($c,items)]} {
        set keep [lindex $state($c,items) $state($c,cur) 0]
    }
    set state($c,items) $items
    set state($c,cur) -1
    if {$keep ne ""} {
        set state($c,cur) [lsearch -exact -index 0 $items $keep]
    }
    if {![info exists state($c,bound)]} {
        set state($c,bound) 1
        set ns [namespace current]
        $c configure -takefocus 1
        foreach {ev step} {<<KioskDown>> 1 <<KioskNext>> 1 <<KioskUp>> -1
                <<KioskPrev>> -1} {
            bind $c $ev "[list ${ns}::Move $c $step]; break"
        }
        bind $c <<KioskActivate>> "[list ${ns}::Activate $c]; break"
        bind $c <FocusIn> [list ${ns}::Ring $c]
        bind $c <FocusOut> [list ${ns}::Ring $c]
        bind $c <Destroy> +[list ${ns}::Forget %W]
        $c bind hit <Enter> [list $c configure -cursor hand2]
        $c bind hit <Leave> [list $c configure -cursor {}]
        $c bind hit <ButtonRelease-1> [list ${ns}::Click $c]
    }
    foreach pair $items {
        $c addtag hit withtag [lindex $pair 1]
    }
    Ring $c
}

# The fact id of the focused target of canvas C, or "".
proc ::kiosk::ui::chartkit::current {c} {
    variable state
    if {![info exists state($c,cur)] || $state($c,cur) < 0} { return "" }
    return [lindex $state($c,items) $state($c,cur) 0]
}

proc ::kiosk::ui::chartkit::Move {c step} {
    variable state
    set n [llength $state($c,items)]
    if {$n == 0} { return }
    if {$state($c,cur) < 0} {
        set state($c,cur) [expr {$step > 0 ? 0 : $n - 1}]
    } else {
        set state($c,cur) [expr {($state($c,cur) + $step + $n) % $n}]
    }
    Ring $c
}

proc ::kiosk::ui::chartkit::Activate {c} {
    variable state
    if {$state($c,cur) < 0} {
        Move $c 1
        return
    }
    openFact $c [lindex $state($c,items) $state($c,cur) 0]
}

# A click: the target whose tag the item under the pointer carries.
proc ::kiosk::ui::chartkit::Click {c} {
    variable state
    set tags [$c gettags current]
    set i 0
    foreach pair $state($c,items) {
        if {[lindex $pair 1] in $tags} {
            set state($c,cur) $i
            Ring $c
            openFact $c [lindex $pair 0]
            return
        }
        incr i
    }
}

# Draw (or remove) the focus ring around the focused target. Shown only
# while the canvas has the keyboard focus, as ttk does for its widgets.
proc ::kiosk::ui::chartkit::Ring {c} {
    variable state
    if {![winfo exists $c]} { return }
    $c delete focusring
    if {$state($c,cur) < 0 || [focus] ne $c} { return }
    set tag [lindex $state($c,items) $state($c,cur) 1]
    set box [$c bbox $tag]
    if {$box eq ""} { return }
    lassign $box x0 y0 x1 y1
    $c create rectangle [expr {$x0 - 3}] [expr {$y0 - 3}] \
        [expr {$x1 + 3}] [expr {$y1 + 3}] -outline \
        [::kiosk::ui::theme::color focus] -width 3 -tags focusring
    See $c $y0 $y1
}

# Scroll canvas C (when it scrolls) so that Y0..Y1 is in view.
proc ::kiosk::ui::chartkit::See {c y0 y1} {
    set region [$c cget -scrollregion]
    if {$region eq ""} { return }
    set total [lindex $region 3]
    set h [winfo height $c]
    set top [$c canvasy 0]
    if {$y0 - 10 < $top} {
        $c yview moveto [expr {max(0.0, ($y0 - 10) / double($total))}]
    } elseif {$y1 + 10 > $top + $h} {
        $c yview moveto [expr {($y1 + 10 - $h) / double($total)}]
    }
}

proc ::kiosk::ui::chartkit::Forget {c} {
    variable state
    array unset state [string map {* \\* ? \\? [ \\[ ] \\]} $c],*
}

### The fact card.

# Open the card of fact ID over the screen that holds canvas C; its "Read
# about it" button goes to the lesson paragraph that teaches the fact.
proc ::kiosk::ui::chartkit::openFact {c id} {
    ::kiosk::ui::cards::fact [winfo parent $c] $id \
        -lesson ::kiosk::ui::chartkit::GoLesson
}

proc ::kiosk::ui::chartkit::GoLesson {stage para} {
    ::kiosk::ui::app::goto lesson $stage $para
}
