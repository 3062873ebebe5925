# cards.tcl: the cards that open over a screen when the student asks about
# something: a fact (value, period, countries, source), a footnote (the
# full citation) or a glossary term (its definition). Any screen uses them:
#
#   ::kiosk::ui::cards::fact PARENT FACTID ?-lesson CMD?
#   ::kiosk::ui::cards::note PARENT SOURCEID        (n13 or 13)
#   ::kiosk::ui::cards::term PARENT TERMID
#   ::kiosk::ui::cards::close PARENT
#
# A card is a frame placed in the middle of PARENT (a screen frame), with a
# local grab so the keyboard stays in it; Escape, Return or its Close
# button close it and give the focus back. Also the formatting of figure
# values and KDATE periods shared by every screen:
#
#   ::kiosk::ui::cards::value FIGUREDICT     "$2.5 billion", "8,000 km"
#   ::kiosk::ui::cards::period KDATE         "October 1991", "1997–1998"
#   ::kiosk::ui::cards::citation SOURCEDICT  one line, for a footnote

namespace eval ::kiosk::ui::cards {
    namespace export fact note term close value period when citation
    namespace import ::msgcat::mc
    # Per card (keyed by the card path): the widget that had the focus.
    variable state
}

# Open the card for fact ID over PARENT. -lesson CMD adds a "Read about it"
# button running CMD with {stage para} appended (when the fact is taught
# in a lesson).
proc ::kiosk::ui::cards::fact {parent id args} {
    set db [::kiosk::ui::app::course]
    if {[catch {$db fact $id} f]} {
        ::kiosk::ui::app::toast $f
        return ""
    }
    set c [Open $parent [FactTitle $f]]
    set rows {}
    switch -- [dict get $f kind] {
        figure {
            lappend rows [mc "Value"] [value $f]
            if {[dict exists $f period]} {
                lappend rows [mc "When"] [when $f period]
            }
        }
        event {
            lappend rows [mc "When"] [when $f date]
        }
        person {
            if {[dict exists $f role]} { lappend rows [mc "Role"] [dict get $f role] }
            if {[dict exists $f year]} { lappend rows [mc "When"] [dict get $f year] }
        }
        organization {
            if {[dict exists $f abbrev]} { lappend rows [mc "Short name"] [dict get $f abbrev] }
            if {[dict exists $f founded]} { lappend rows [mc "Founded"] [when $f founded] }
        }
        initiative {
            if {[dict exists $f date]} { lappend rows [mc "When"] [when $f date] }
        }
    }
    if {[dict exists $f countries] && [llength [dict get $f countries]]} {
        set names {}
        foreach cn [dict get $f countries] {
            set n [expr {[dict exists $cn name] ? [dict get $cn name] : [dict get $cn country]}]
            if {[dict exists $cn role] && [dict get $cn role] ni {involved}} {
                append n " ([mc [dict get $cn role]])"
            }
            lappend names $n
        }
        lappend rows [mc "Countries"] [join $names ", "]
    }
    foreach k {detail summary} {
        if {[dict exists $f $k]} {
            lappend rows "" [dict get $f $k]
        }
    }
    if {[dict exists $f citation]} {
        lappend rows [mc "Source"] [citation [dict get $f citation]]
    } elseif {[dict exists $f source]} {
        catch {lappend rows [mc "Source"] [citation [$db source [dict get $f source]]]}
    }
    Rows $c $rows
    if {[dict exists $args -lesson] && [dict exists $f lesson]} {
        ttk::button $c.buttons.lesson -text [mc "Read about it in the lesson"] \
            -command [list ::kiosk::ui::cards::Go $c [dict get $args -lesson] \
                [dict get $f lesson]]
        grid $c.buttons.lesson -row 0 -column 0 -padx {0 12}
    }
    return $c
}

# Open the footnote ID (n13 or 13): its full citation.
proc ::kiosk::ui::cards::note {parent id} {
    set db [::kiosk::ui::app::course]
    if {[catch {$db source $id} s]} {
        ::kiosk::ui::app::toast $s
        return ""
    }
    set c [Open $parent [mc "Note %s" [dict get $s num]]]
    set rows {}
    foreach {k label} {authors Authors title Title venue "Published in"
        year Year pages Pages url Address accessed Accessed note Remark} {
        if {[dict exists $s $k]} {
            lappend rows [mc $label] [dict get $s $k]
        }
    }
    Rows $c $rows
    return $c
}

# Open the glossary term ID: its definition.
proc ::kiosk::ui::cards::term {parent id} {
    set db [::kiosk::ui::app::course]
    if {[catch {$db term $id} t]} {
        ::kiosk::ui::app::toast $t
        return ""
    }
    set c [Open $parent [dict get $t term]]
    set rows [list "" [dict get $t definition]]
    if {[dict exists $t source]} {
        catch {lappend rows [mc "Source"] [citation [$db source [dict get $t source]]]}
    }
    Rows $c $rows
    return $c
}

# The card frame: title, body rows, Close. Returns its path.
proc ::kiosk::ui::cards::Open {parent title} {
    variable state
    close $parent
    set c $parent.card
    set state($c,focus) [focus]
    ttk::frame $c -style Card.TFrame -padding 24
    ttk::label $c.title -text $title -style Head.TLabel -wraplength 640 \
        -background [::kiosk::ui::theme::color panel]
    grid $c.title -row 0 -column 0 -columnspan 2 -sticky w -pady {0 12}
    ttk::frame $c.buttons -style Panel.TFrame
    ttk::button $c.buttons.close -text [mc "Close"] -style Accent.TButton \
        -command [list ::kiosk::ui::cards::close $parent]
    grid $c.buttons.close -row 0 -column 1
    grid $c.buttons -row 99 -column 0 -columnspan 2 -sticky e -pady {16 0}
    grid columnconfigure $c 1 -weight 1
    place $c -in $parent -relx 0.5 -rely 0.45 -anchor center
    raise $c
    bind $c <Destroy> +[list ::kiosk::ui::cards::Forget %W]
    bind $c.buttons.close <<KioskBack>> \
        [list ::kiosk::ui::cards::CloseKey $parent]
    focus $c.buttons.close
    return $c
}

# The rows of a card: pairs label text ("" label: the text spans).
proc ::kiosk::ui::cards::Rows {c rows} {
    set r 1
    set wrap [expr {min(720, max(420, [winfo width .] - 300))}]
    set bg [::kiosk::ui::theme::color panel]
    foreach {label text} $rows {
        if {$label eq ""} {
            ttk::label $c.v$r -text $text -wraplength $wrap -justify left \
                -background $bg
            grid $c.v$r -row $r -column 0 -columnspan 2 -sticky w -pady 4
        } else {
            ttk::label $c.k$r -text $label -style Muted.TLabel -background $bg
            ttk::label $c.v$r -text $text -wraplength [expr {$wrap - 140}] \
                -justify left -background $bg
            grid $c.k$r -row $r -column 0 -sticky nw -padx {0 16} -pady 4
            grid $c.v$r -row $r -column 1 -sticky w -pady 4
        }
        incr r
    }
    # The grab comes last: the card must be viewable.
    update idletasks
    catch {grab $c}
    # Escape anywhere in the card closes it.
    foreach w [winfo children $c] {
        bind $w <<KioskBack>> \
            [list ::kiosk::ui::cards::CloseKey [winfo parent $c]]
    }
}

# Escape in a card closes it and goes no further (not Back to the screen).
proc ::kiosk::ui::cards::CloseKey {parent} {
    close $parent
    return -code break
}

# Close the card open over PARENT, if any; the focus goes back.
proc ::kiosk::ui::cards::close {parent} {
    variable state
    set c $parent.card
    if {![winfo exists $c]} { return }
    set back ""
    if {[info exists state($c,focus)]} { set back $state($c,focus) }
    catch {grab release $c}
    destroy $c
    if {$back ne "" && [winfo exists $back]} {
        focus $back
    }
}

proc ::kiosk::ui::cards::Go {c cmd where} {
    close [winfo parent $c]
    uplevel #0 [list {*}$cmd {*}$where]
}

proc ::kiosk::ui::cards::Forget {c} {
    variable state
    array unset state $c,*
}

# The title of a fact's card: its name, label or title.
proc ::kiosk::ui::cards::FactTitle {f} {
    foreach k {title label name} {
        if {[dict exists $f $k]} { return [dict get $f $k] }
    }
    return [dict get $f id]
}

### Formatting shared by the screens.

# A figure's value in words: "$2.5 billion", "8,000 km", "30 bcm a year",
# "about $9 billion" (approx), "2".
proc ::kiosk::ui::cards::value {f} {
    set v [dict get $f value]
    set unit [expr {[dict exists $f unit] ? [dict get $f unit] : ""}]
    set text [Amount $v $unit]
    if {[dict exists $f approx] && [dict get $f approx]} {
        set text [mc "about %s" $text]
    }
    return $text
}

proc ::kiosk::ui::cards::Amount {v unit} {
    switch -- $unit {
        USD {
            if {abs($v) >= 1e12} {
                return [mc "\$%s trillion" [Num [expr {$v / 1e12}]]]
            } elseif {abs($v) >= 1e9} {
                return [mc "\$%s billion" [Num [expr {$v / 1e9}]]]
            } elseif {abs($v) >= 1e6} {
                return [mc "\$%s million" [Num [expr {$v / 1e6}]]]
            }
            return "\$[Num $v]"
        }
        count { return [Num $v] }
        bcm/yr { return [mc "%s bcm a year" [Num $v]] }
        "" { return [Num $v] }
        default { return "[Num $v] $unit" }
    }
}

# A number with thousands separators and at most two decimals, no
# trailing zeros: 8000 -> 8,000; 2.50 -> 2.5.
proc ::kiosk::ui::cards::Num {v} {
    if {![string is double -strict $v]} { return $v }
    set s [format %.2f $v]
    regsub {\.?0+$} $s "" s
    lassign [split $s .] int frac
    set neg ""
    if {[string index $int 0] eq "-"} { set neg - ; set int [string range $int 1 end] }
    while {[regsub {^(\d+)(\d{3})} $int {\1,\2} int]} {}
    if {$frac ne ""} { append int . $frac }
    return $neg$int
}

# When ROW happened, in words: the package's `when` when it gives one,
# else KEY (a KDATE column) formatted here.
proc ::kiosk::ui::cards::when {row key} {
    if {[dict exists $row when]} { return [dict get $row when] }
    if {[dict exists $row $key]} { return [period [dict get $row $key]] }
    return ""
}

# A KDATE in words: 1992; October 1991; 15 October 2018; 1997–1998;
# about 2000–2003.
proc ::kiosk::ui::cards::period {kdate} {
    set approx 0
    if {[string index $kdate 0] eq "~"} {
        set approx 1
        set kdate [string range $kdate 1 end]
    }
    set parts [split [string map {.. \u0001} $kdate] \u0001]
    set words [lmap p $parts {Day $p}]
    if {[llength $words] == 2 && [lindex $words 0] eq [lindex $words 1]} {
        set words [lrange $words 0 0]
    }
    set text [join $words "\u2013"]
    if {$approx} { set text [mc "about %s" $text] }
    return $text
}

proc ::kiosk::ui::cards::Day {d} {
    set months {January February March April May June July August
        September October November December}
    if {[regexp {^(\d{4})-(\d\d)-(\d\d)$} $d -> y m dd]} {
        return [mc "%d %s %s" [scan $dd %d] [mc [lindex $months [scan $m %d]-1]] $y]
    }
    if {[regexp {^(\d{4})-(\d\d)$} $d -> y m]} {
        return [mc "%s %s" [mc [lindex $months [scan $m %d]-1]] $y]
    }
    return $d
}

# A footnote as one line: "13. A. Author, Title, Venue, 2017, pp. 1-9."
proc ::kiosk::ui::cards::citation {s} {
    set bits {}
    foreach k {authors title venue year pages} {
        if {[dict exists $s $k]} { lappend bits [dict get $s $k] }
    }
    set text "[dict get $s num]. [join $bits {, }]."
    if {[dict exists $s note]} { append text " ([dict get $s note])" }
    return $text
}
