# review.tcl: spaced review. The facts due for this student today, across
# stages, as scheduled by the records' Leitner boxes (doc/records.md): a
# wrong answer anywhere brings its facts back the same day, right answers
# space them out. The review itself is a quiz, run by the quiz runner on
# the questions that last tested the due facts; its answers move the facts
# through the boxes.
#
#   goto review ?STAGE?     (STAGE only says where Back returns to)

namespace eval ::kiosk::ui::review {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    # Per frame: stage (to return to), questions (the review's questions).
    variable state
    # Questions in one review session.
    variable size 10
}

proc ::kiosk::ui::review::show {f {stage ""}} {
    variable state
    variable size
    set state($f,stage) $stage
    bind $f <Destroy> +[list ::kiosk::ui::review::Forget %W]
    header $f -title [mc "Review"] -back [list ::kiosk::ui::review::Back $f]
    ttk::frame $f.box -padding 40
    grid $f.box -row 2 -column 0 -sticky nw
    grid columnconfigure $f 0 -weight 1
    set rec [records]
    if {$rec eq "" || [student] eq ""} {
        ttk::label $f.box.msg -font KioskBig -wraplength 900 -text \
            [mc "Review needs your name: pick it on the start screen first."]
        grid $f.box.msg -sticky w
        return
    }
    set due [$rec review due [student]]
    set state($f,questions) [$rec review questions [student] -limit $size]
    if {![llength $due] || ![llength $state($f,questions)]} {
        ttk::label $f.box.msg -font KioskBig -wraplength 900 -justify left \
            -text [mc "Nothing to review today. Well done!"]
        grid $f.box.msg -sticky w
        set next [NextDue]
        if {$next ne ""} {
            ttk::label $f.box.next -style Muted.TLabel -text \
                [mc "The next facts come back on %s." $next]
            grid $f.box.next -sticky w -pady 8
        }
        ttk::button $f.box.back -text [mc "Back to the course"] \
            -command [list ::kiosk::ui::review::Back $f]
        grid $f.box.back -sticky w -pady 16
        focus $f.box.back
        return
    }
    ttk::label $f.box.title -style Title.TLabel -text [expr {[llength $due] == 1
        ? [mc "1 fact is due for review"]
        : [mc "%d facts are due for review" [llength $due]]}]
    ttk::label $f.box.why -wraplength 900 -justify left -text \
        [mc "Facts you missed come back the same day; each one you get right comes back later and later: after a day, three days, a week, two weeks. Three right in a row, each time it comes back, and you have mastered it."]
    set n [llength $state($f,questions)]
    ttk::label $f.box.size -style Muted.TLabel -text [expr {$n == 1
        ? [mc "This session: 1 question."]
        : [mc "This session: %d questions." $n]}]
    ttk::button $f.box.go -text [mc "Start the review \u2192"] -style Accent.TButton \
        -command [list ::kiosk::ui::review::Start $f]
    grid $f.box.title -sticky w
    grid $f.box.why -sticky w -pady 12
    grid $f.box.size -sticky w -pady {0 16}
    grid $f.box.go -sticky w
    focus $f.box.go
}

# The earliest future due date among the student's facts, or "".
proc ::kiosk::ui::review::NextDue {} {
    set today [clock format [clock seconds] -format %Y-%m-%d -timezone :UTC]
    set next ""
    foreach s [[records] review state [student]] {
        set d [dict get $s due]
        if {$d > $today && ($next eq "" || $d < $next)} { set next $d }
    }
    return $next
}

# The review is a quiz in a review attempt (records kind review).
proc ::kiosk::ui::review::Start {f} {
    variable state
    set token [::kiosk::ui::quiz::start $state($f,questions) -review 1 \
        -title [mc "Review"] \
        -stages [expr {$state($f,stage) eq "" ? {} : [list $state($f,stage)]}]]
    goto quiz -resume $token
}

proc ::kiosk::ui::review::Back {f} {
    variable state
    goto coursemap $state($f,stage)
}

proc ::kiosk::ui::review::Forget {f} {
    variable state
    array unset state $f,*
}
