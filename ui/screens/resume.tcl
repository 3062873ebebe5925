# resume.tcl: "Welcome back" — offered when a student picks their name and
# has a quiz left unfinished (the kiosk was switched off, killed, or left
# idle in the middle). Every answer they gave is already in the records;
# "Carry on" reopens the quiz at the first question not answered, with the
# answers given intact; "Start afresh" closes it (its answers stay in the
# records, marked abandoned).
#
# It also owns the one place where a quiz run is built from records rather
# than by the quiz runner itself (runFor/adopt), used by the Review screen
# as well.

namespace eval ::kiosk::ui::resume {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    namespace export pending runFor adopt
    # Per frame: attempt (the unfinished attempt dict).
    variable state
}

# The student's unfinished attempt dict (doc/records.md), or "".
proc ::kiosk::ui::resume::pending {student} {
    set rec [records]
    if {$rec eq "" || $student eq ""} { return "" }
    if {[catch {$rec attempt unfinished $student} a]} { return "" }
    return $a
}

# show FRAME STUDENT
proc ::kiosk::ui::resume::show {f student} {
    variable state
    set a [pending $student]
    if {$a eq ""} {
        after idle [list ::kiosk::ui::app::goto coursemap]
        return
    }
    set state($f,attempt) $a
    bind $f <Destroy> +[list ::kiosk::ui::resume::Forget %W]
    header $f -title [mc "Welcome back"] -back [list ::kiosk::ui::resume::Later $f]
    ttk::frame $f.box -padding 40
    ttk::label $f.box.title -style Title.TLabel -text \
        [mc "You have a quiz to finish: %s" [Title $a]]
    set n [llength [dict get $a answers]]
    set m [dict get $a questions]
    set m [llength $m]
    ttk::label $f.box.what -font KioskBig -wraplength 900 -justify left -text \
        [mc "You answered %d of its %d questions. Your answers are saved." $n $m]
    ttk::label $f.box.when -style Muted.TLabel -text \
        [mc "Started %s." [clock format [clock scan [dict get $a started] \
            -format %Y-%m-%dT%H:%M:%SZ -timezone :UTC] -format "%d %b %Y, %H:%M"]]
    ttk::frame $f.box.buttons
    ttk::button $f.box.buttons.go -text [mc "Carry on \u2192"] -style Accent.TButton \
        -command [list ::kiosk::ui::resume::Continue $f]
    ttk::button $f.box.buttons.fresh -text [mc "Start afresh"] \
        -command [list ::kiosk::ui::resume::Fresh $f]
    grid $f.box.buttons.go $f.box.buttons.fresh -padx {0 12}
    grid $f.box.title -sticky w
    grid $f.box.what -sticky w -pady {16 4}
    grid $f.box.when -sticky w -pady {0 24}
    grid $f.box.buttons -sticky w
    grid $f.box -row 2 -column 0 -sticky nw
    grid columnconfigure $f 0 -weight 1
    focus $f.box.buttons.go
}

# The title of attempt A: its stage's, its pack's, or "Review".
proc ::kiosk::ui::resume::Title {a} {
    switch -- [dict get $a kind] {
        review { return [mc "Review"] }
        pack {
            set id [dict get $a pack]
            if {![catch {[records] packs get $id} p]} {
                return [dict get $p title]
            }
            return $id
        }
    }
    if {[dict exists $a stage] && [course] ne ""
            && ![catch {[course] stage [dict get $a stage]} s]} {
        return [dict get $s title]
    }
    return [mc "Quiz"]
}

# A quiz run (the quiz runner's run dict, screens/quiz.tcl) for attempt A:
# its questions, the answers already given (scored as recorded), and the
# first question not yet answered.
proc ::kiosk::ui::resume::runFor {a} {
    set qs [dict get $a questions]
    set answers [lrepeat [llength $qs] {}]
    foreach ans [dict get $a answers] {
        set i [dict get $ans index]
        set q [lindex $qs $i]
        # The score as recorded; the course adds the words of the right
        # answer and any option feedback for the feedback panel.
        set score [dict create correct [dict get $ans correct] \
            credit [dict get $ans credit] points [dict get $ans points]]
        if {[course] ne "" && ![catch {[course] score $q [dict get $ans answer]} s]} {
            set score [dict merge $s $score]
        }
        lset answers $i [list [dict get $ans answer] $score]
    }
    set i [lsearch -exact $answers {}]
    if {$i < 0} { set i [expr {[llength $qs] - 1}] }
    set stages {}
    if {[dict exists $a stage]} { set stages [list [dict get $a stage]] }
    set pack [expr {[dict exists $a pack] ? [dict get $a pack] : ""}]
    set pass 0.6
    if {[info exists ::kiosk::ui::quiz::passMark]} {
        set pass $::kiosk::ui::quiz::passMark
    }
    return [dict create title [Title $a] stages $stages pack $pack \
        questions $qs answers $answers i $i attempt [dict get $a id] \
        feedback each pass $pass deadline "" shown 0]
}

# Hand RUN to the quiz runner; returns the token for `goto quiz -resume`.
proc ::kiosk::ui::resume::adopt {run} {
    set token r[dict get $run attempt]
    set ::kiosk::ui::quiz::runs($token) $run
    return $token
}

proc ::kiosk::ui::resume::Continue {f} {
    variable state
    set token [adopt [runFor $state($f,attempt)]]
    goto quiz -resume $token
}

proc ::kiosk::ui::resume::Fresh {f} {
    variable state
    catch {[records] attempt abandon [dict get $state($f,attempt) id]}
    goto coursemap
}

# Back: decide another time; the quiz stays open.
proc ::kiosk::ui::resume::Later {f} {
    goto coursemap
}

proc ::kiosk::ui::resume::Forget {f} {
    variable state
    array unset state $f,*
}
