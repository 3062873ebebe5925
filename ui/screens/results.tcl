# results.tcl: the end of a quiz. The score, pass or fail against the pass
# mark, every missed question with the student's answer and the right one,
# and a way back to the lesson paragraph each one comes from. "Try again"
# starts the same quiz afresh.

namespace eval ::kiosk::ui::results {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    # Per frame: result (the dict from the quiz screen).
    variable state
}

# show FRAME RESULT: RESULT as made by quiz::Finish (title stages pack
# points max share pass passed items; items are dicts question answer
# score).
proc ::kiosk::ui::results::show {f result} {
    variable state
    set state($f,result) $result
    header $f -title [mc "Results: %s" [dict get $result title]] \
        -back [list ::kiosk::ui::results::Map $f]
    set items [dict get $result items]
    set missed {}
    set right 0
    foreach it $items {
        if {[dict get $it score] ne "" && [dict get [dict get $it score] correct]} {
            incr right
        } else {
            lappend missed $it
        }
    }
    ttk::frame $f.sum -padding {32 16}
    # "of 1 point", "of 1 question": the noun follows the total.
    set max [Num [dict get $result max]]
    set share [expr {round(100 * [dict get $result share])}]
    ttk::label $f.sum.score -style Huge.TLabel -text [expr {$max eq "1"
        ? [mc "%s of %s point (%d%%)" [Num [dict get $result points]] $max $share]
        : [mc "%s of %s points (%d%%)" [Num [dict get $result points]] $max $share]}]
    ttk::label $f.sum.right -font KioskBig -text [expr {[llength $items] == 1
        ? [mc "%d of %d question right" $right [llength $items]]
        : [mc "%d of %d questions right" $right [llength $items]]}]
    grid $f.sum.score -sticky w
    grid $f.sum.right -sticky w
    # A review is practice: it has no pass mark, so no verdict.
    if {!([dict exists $result review] && [dict get $result review])} {
        if {[dict get $result passed]} {
            ttk::label $f.sum.verdict -style Right.TLabel -text [mc "Passed \u2013 well done!"]
        } else {
            ttk::label $f.sum.verdict -style Wrong.TLabel -text [mc "Not passed yet"]
        }
        ttk::label $f.sum.mark -style Muted.TLabel -text \
            [mc "Pass mark: %d%%" [expr {round(100 * [dict get $result pass])}]]
        grid $f.sum.verdict $f.sum.mark -sticky w -pady 6 -padx {0 16}
    }
    grid configure $f.sum.score $f.sum.right -columnspan 2
    grid $f.sum -row 2 -column 0 -sticky ew
    # The missed questions.
    ttk::frame $f.miss -padding {32 0}
    set t $f.miss.text
    if {[llength $missed]} {
        ttk::label $f.miss.head -style Head.TLabel -text [mc "Questions to look at again"]
    } else {
        ttk::label $f.miss.head -style Head.TLabel -text [mc "You got every question right."]
    }
    text $t -wrap word -font KioskBody -padx 20 -pady 12 -borderwidth 0 \
        -highlightthickness 3 -takefocus 0 -height 8 -cursor arrow \
        -yscrollcommand [list $f.miss.sb set]
    ttk::scrollbar $f.miss.sb -command [list $t yview]
    grid $f.miss.head - -sticky w -pady {0 6}
    grid $t $f.miss.sb -sticky nsew
    grid columnconfigure $f.miss 0 -weight 1
    grid rowconfigure $f.miss 1 -weight 1
    grid $f.miss -row 3 -column 0 -sticky nsew
    Colors $t
    bind $t <<KioskRestyle>> [list ::kiosk::ui::results::Colors $t]
    set n 0
    foreach it $missed {
        Missed $f $t [incr n] $it
    }
    $t configure -state disabled
    # The ways on.
    ttk::frame $f.nav -padding {32 12}
    ttk::button $f.nav.again -text [mc "Try again"] -style Accent.TButton \
        -command [list ::kiosk::ui::results::Again $f]
    ttk::button $f.nav.map -text [mc "Back to the course map"] \
        -command [list ::kiosk::ui::results::Map $f]
    grid $f.nav.map $f.nav.again -padx {0 12} -sticky w
    grid $f.nav -row 4 -column 0 -sticky ew
    grid columnconfigure $f 0 -weight 1
    grid rowconfigure $f 3 -weight 1
    bind $f <Destroy> +[list ::kiosk::ui::results::Forget $f]
    set links [winfo children $t]
    focus [expr {[llength $links] ? [lindex $links 0] : "$f.nav.map"}]
}

proc ::kiosk::ui::results::Colors {t} {
    set C ::kiosk::ui::theme::color
    $t configure -background [$C panel] -foreground [$C fg] \
        -highlightcolor [$C focus] -highlightbackground [$C bg]
    $t tag configure prompt -font KioskBold -spacing1 10
    $t tag configure label -foreground [$C muted]
    $t tag configure yours -foreground [$C wrong]
    $t tag configure right -foreground [$C right] -font KioskBold
}

# One missed question: the prompt, the two answers, a link to the lesson.
proc ::kiosk::ui::results::Missed {f t n it} {
    set q [dict get $it question]
    $t insert end "$n. [dict get $q prompt]\n" prompt
    $t insert end [mc "Your answer: "] label
    if {[dict get $it score] eq ""} {
        $t insert end [mc "(no answer)"] yours
    } else {
        # The answer in words as the records keep it; a run kept out of
        # the records has only the screen's own wording.
        set sc [dict get $it score]
        $t insert end [expr {[dict exists $sc text] ? [dict get $sc text]
            : [::kiosk::ui::quiz::answerText $q [dict get $it answer]]}] yours
    }
    $t insert end "\n"
    $t insert end [mc "The answer: "] label
    set expected ""
    if {[dict get $it score] ne "" && [dict exists [dict get $it score] expected]} {
        set expected [dict get [dict get $it score] expected]
    } elseif {[dict exists $q answer]} {
        set expected [dict get $q answer]
    }
    $t insert end $expected right
    $t insert end "\n"
    if {[dict exists $q lesson] && [llength [dict get $q lesson]] == 2} {
        lassign [dict get $q lesson] stage para
        ttk::button $t.b$n -text [mc "Read about it in the lesson"] \
            -style Link.TButton -command [list ::kiosk::ui::app::goto lesson $stage $para \
                -back [list ::kiosk::ui::app::goto results $::kiosk::ui::results::state($f,result)]]
        bind $t.b$n <FocusIn> [list $t see $t.b$n]
        $t window create end -window $t.b$n -padx 0
        $t insert end "\n"
    }
}

proc ::kiosk::ui::results::Num {v} {
    return [::kiosk::ui::cards::Num $v]
}

proc ::kiosk::ui::results::Again {f} {
    variable state
    set r $state($f,result)
    if {[dict exists $r review] && [dict get $r review]} {
        # Another review: what is due now, which the last one changed.
        goto review [lindex [dict get $r stages] 0]
    } elseif {[dict get $r pack] ne ""} {
        goto quiz -pack [dict get $r pack]
    } else {
        goto quiz -stages [dict get $r stages]
    }
}

proc ::kiosk::ui::results::Map {f} {
    variable state
    goto coursemap [lindex [dict get $state($f,result) stages] 0]
}

proc ::kiosk::ui::results::Forget {f} {
    variable state
    array unset state $f,*
}
