# resume.tcl: "Welcome back" — offered when a student picks their name and
# has a quiz left unfinished (the kiosk was switched off, killed, or left
# idle in the middle). Every answer they gave is already in the records;
# "Carry on" reopens the quiz at the first question not answered, with the
# answers given intact; "Start afresh" closes it (its answers stay in the
# records, marked abandoned).
#
# A resumed quiz runs as it began: its title, time limit, feedback mode and
# pass mark are the attempt's own (records columns). The time left is the
# core's (attempt.h): the last sitting counts to its last answer, or to
# when it was left on purpose; the time after that (a crash, the time
# away) is not counted.

namespace eval ::kiosk::ui::resume {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    namespace export pending start
    # Per frame: attempt (the unfinished attempt dict).
    variable state
}

# The student's unfinished attempt dict (doc/records.md), or "".
proc ::kiosk::ui::resume::pending {student} {
    set rec [records]
    if {$rec eq "" || $student eq ""} { return "" }
    return [recordsRead {$rec attempt unfinished $student} ""]
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
        [mc "Started %s." [clock format [Scan [dict get $a started]] \
            -format "%d %b %Y, %H:%M"]]
    ttk::frame $f.box.buttons
    ttk::button $f.box.buttons.go -text [mc "Carry on \u2192"] -style Accent.TButton \
        -command [list ::kiosk::ui::resume::Continue $f]
    ttk::button $f.box.buttons.fresh -text [mc "Start afresh"] \
        -command [list ::kiosk::ui::resume::Fresh $f]
    grid $f.box.buttons.go $f.box.buttons.fresh -padx {0 12}
    grid $f.box.title -sticky w
    grid $f.box.what -sticky w -pady {16 4}
    grid $f.box.when -sticky w -pady {0 24}
    set st [Settings $a]
    if {[dict exists $st time] && [dict get $st time] > 0} {
        set left [TimeLeft $a]
        ttk::label $f.box.time -font KioskBig -text \
            [mc "It has a time limit: %d:%02d left when you carry on." \
                [expr {$left / 60}] [expr {$left % 60}]]
        grid $f.box.time -row 2 -sticky w -pady {0 4}
        grid configure $f.box.when -row 3
    }
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
            set p [recordsRead {[records] packs get $id} "" {{KIOSK RECORDS NOPACK}}]
            return [expr {$p ne "" ? [dict get $p title] : $id}]
        }
    }
    if {[dict exists $a stage] && [course] ne ""
            && ![catch {[course] stage [dict get $a stage]} s]} {
        return [dict get $s title]
    }
    return [mc "Quiz"]
}

# Start the quiz runner on unfinished attempt A (doc/records.md): its
# questions, the answers already given (scored as stored), its settings.
# The core begins a new sitting (attempt resume) and says the time left.
# Returns the token for `goto quiz -resume`; errors when the records
# refuse (the caller stops the quiz).
proc ::kiosk::ui::resume::start {a} {
    set qs [dict get $a questions]
    set answers [lrepeat [llength $qs] {}]
    foreach ans [dict get $a answers] {
        set score [dict remove $ans index answer answered]
        lset answers [dict get $ans index] [list [dict get $ans answer] $score]
    }
    set opts [list -answers $answers -attempt [dict get $a id]]
    if {[dict exists $a stage]} { lappend opts -stages [list [dict get $a stage]] }
    if {[dict exists $a pack]} { lappend opts -pack [dict get $a pack] }
    set st [Settings $a]
    lappend opts -title [expr {[dict exists $st title] ? [dict get $st title] : [Title $a]}]
    foreach k {feedback pass} {
        if {[dict exists $st $k]} { lappend opts -$k [dict get $st $k] }
    }
    set left [[records] attempt resume [dict get $a id]]
    if {$left ne ""} {
        # A limit used up ends the quiz as soon as it is shown.
        lappend opts -time [expr {max(1, $left)}]
    }
    return [::kiosk::ui::quiz::start $qs {*}$opts]
}

# The settings attempt A runs by, from its columns: title time feedback
# pass (a share, 0..1), as quiz::start takes them.
proc ::kiosk::ui::resume::Settings {a} {
    set st [dict create time [dict get $a time] feedback [dict get $a feedback] \
        pass [expr {[dict get $a pass] / 100.0}]]
    if {[dict exists $a title]} { dict set st title [dict get $a title] }
    return $st
}

# Seconds attempt A will have left when carried on (the core's rule:
# the time used counts to its last answer, or to when it was left on
# purpose), at least 1.
proc ::kiosk::ui::resume::TimeLeft {a} {
    set left [dict get $a resume-left]
    return [expr {$left eq "" ? 0 : max(1, $left)}]
}

# An ISO 8601 UTC time of the records as Unix seconds.
proc ::kiosk::ui::resume::Scan {iso} {
    return [clock scan $iso -format %Y-%m-%dT%H:%M:%SZ -timezone :UTC]
}

proc ::kiosk::ui::resume::Continue {f} {
    variable state
    try {
        set token [start $state($f,attempt)]
    } on error {msg o} {
        ::kiosk::ui::quiz::Stopped $msg [dict get $o -errorcode] [dict get $o -errorinfo]
        return
    }
    goto quiz -resume $token
}

proc ::kiosk::ui::resume::Fresh {f} {
    variable state
    try {
        [records] attempt abandon [dict get $state($f,attempt) id]
    } on error {msg o} {
        ::kiosk::ui::quiz::Stopped $msg [dict get $o -errorcode] [dict get $o -errorinfo]
        return
    }
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
