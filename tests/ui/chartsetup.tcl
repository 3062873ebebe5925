# chartsetup.tcl: what charts.test and map.test share, over uitest.tcl:
# the kiosk started once per interpreter (uitest::start), on the package's
# course (a subcommand it lacks fails the suite). Expected values in the tests are read from that course object, never
# written into the tests. Drivers: show a screen and get its canvas, click
# a canvas item, resize the window, read the open fact card.

package require tcltest 2.5
if {[namespace which ::uitest::start] eq ""} {
    source [file join [file dirname [file normalize [info script]]] uitest.tcl]
}

namespace eval ::chartsetup {}

# Start the kiosk (once) on the package's course. Returns nothing.
proc ::chartsetup::ui {} {
    uitest::start
    size 1280 1024
}

# The course object the screens read.
proc ::chartsetup::course {} {
    return [::kiosk::ui::app::course]
}

# Leave the kiosk as uitest::start left it, for the next suite file.
proc ::chartsetup::done {} {
    size 1280 1000
    ::kiosk::ui::app::goto attract
    update
}

# Set the window to W x H and wait until it is drawn at that size (the
# screens redraw 60 ms after the last <Configure>).
proc ::chartsetup::size {w h} {
    wm geometry . ${w}x${h}+0+0
    update
    after 200
    update
}

# Show screen NAME; returns its canvas (the one child of the frame that is
# a canvas), drawn.
proc ::chartsetup::show {name} {
    set f [::kiosk::ui::app::goto $name]
    update
    after 100
    update
    foreach w [winfo children $f] {
        if {[winfo class $w] eq "Canvas"} { return $w }
    }
    error "screen $name has no canvas"
}

# Click canvas C at the centre of the first item tagged TAG.
proc ::chartsetup::click {c tag} {
    lassign [$c bbox [lindex [$c find withtag $tag] 0]] x0 y0 x1 y1
    set x [expr {($x0 + $x1) / 2}]
    set y [expr {($y0 + $y1) / 2}]
    uitest::clickAt $c $x $y
}

# The title of the fact card open over the screen of canvas C, or "".
proc ::chartsetup::card {c} {
    set card [winfo parent $c].card
    if {![winfo exists $card]} { return "" }
    return [$card.title cget -text]
}

proc ::chartsetup::closeCard {c} {
    ::kiosk::ui::cards::close [winfo parent $c]
    update
}

# The tag of C's item ID that starts with PREFIX, less the prefix.
proc ::chartsetup::tagged {c id prefix} {
    foreach t [$c gettags $id] {
        if {[string match $prefix* $t]} {
            return [string range $t [string length $prefix] end]
        }
    }
    return ""
}

# 1 when every item of canvas C lies within it (a pixel of slack).
proc ::chartsetup::inside {c {tag all}} {
    set w [winfo width $c]
    set h [winfo height $c]
    foreach id [$c find withtag $tag] {
        lassign [$c bbox $id] x0 y0 x1 y1
        if {$x0 < -1 || $y0 < -1 || $x1 > $w + 1 || $y1 > $h + 1} {
            return 0
        }
    }
    return 1
}

# 1 when boxes A and B (x0 y0 x1 y1) overlap.
proc ::chartsetup::overlap {a b} {
    lassign $a ax0 ay0 ax1 ay1
    lassign $b bx0 by0 bx1 by1
    return [expr {$ax0 < $bx1 && $bx0 < $ax1 && $ay0 < $by1 && $by0 < $ay1}]
}

# The five Central Asian states: ids of the countries with in_region 1.
proc ::chartsetup::region {} {
    set out {}
    foreach c [[course] countries] {
        if {[dict get $c in_region]} { lappend out [dict get $c id] }
    }
    return [lsort $out]
}
