# quiz.tcl: the quiz runner. Asks the questions of a stage quiz (course
# `quiz`) or of a quiz pack (`packquiz`), one at a time, in every kind the
# quiz engine makes: choice and true/false (keys 1-4 or a click), several
# answers (keys toggle), typed years, numbers and text, ordering (arrow
# keys or dragging) and matching. A progress bar, the pack's time limit
# when it has one, and feedback after each answer or at the end, as the
# pack says. The attempt's rules are the core's (attempt.h): each
# answer is scored, stored and committed by `records attempt answer`, which
# refuses it after the deadline; the screen only shows and collects. A
# failed write stops the quiz (Stopped): nothing is scored that is not
# stored. The end goes to the results screen.
#
# A run (the questions, the answers so far) lives in runs(TOKEN), apart
# from the frame, so "Show me in the lesson" can leave the screen and the
# lesson's Back button come back to the same question (-resume TOKEN).
# Every run is made by `start` (below), the runner's one entry: the stage
# and pack quizzes here, and the resumed attempts and reviews of
# screens/resume.tcl and screens/review.tcl.

namespace eval ::kiosk::ui::quiz {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    namespace export start
    # runs(TOKEN): dict title stages pack questions answers (list of
    # {answer score} per question, "" when unanswered) i (current index)
    # attempt (records id or "") feedback (each|end) pass (0..1)
    # deadline (clock milliseconds or "") shown (1 while feedback is up).
    variable runs
    variable serial 0
    # Per frame: token, get (command returning the answer or "" when the
    # question is not answered yet), order/osel (ordering), multi,I, match,I.
    variable state
    # The pass mark of a stage quiz (a pack sets its own).
    variable passMark 0.6
    # The seed of the next quiz: "" for the clock. Tests set it.
    variable seed ""
}

# Start a run on QUESTIONS (question dicts, as `course quiz` or `packquiz`
# give them) and return its token, for `goto quiz -resume TOKEN`. Options:
#   -title T           the quiz's name ("Quiz")
#   -stages LIST       the stages it is about (Back returns to the first)
#   -pack ID           the quiz pack it comes from ("")
#   -time SECONDS      the time left to answer; 0 (the default) for none
#   -feedback MODE     each (after every answer, the default) or end
#   -pass SHARE        the pass mark, 0..1 (default passMark)
#   -answers LIST      one element per question: "" or {ANSWER SCOREDICT},
#                      the answers already given (a resumed attempt)
#   -attempt ID        the records attempt the answers go to (resuming);
#                      without it one is started when there are records
#                      and a student, unless -record 0
#   -review BOOL       the attempt to start is a review (records kind)
#   -attempts N        the attempts the pack allows (0: unlimited)
#   -seed N            the seed the questions were drawn with
#   -record BOOL       0: keep the answers out of the records
# The run opens at the first question not answered. Errors on a bad
# option or value, and when the records refuse the attempt (the attempts
# are used up, a write failed): nothing runs unrecorded by accident.
proc ::kiosk::ui::quiz::start {questions args} {
    variable runs
    variable serial
    variable passMark
    set o [dict merge [dict create -title [mc "Quiz"] -stages {} -pack "" \
        -time 0 -feedback each -pass $passMark -answers {} -review 0 \
        -record 1 -attempts 0 -seed 0] $args]
    dict for {k v} $o {
        if {$k ni {-title -stages -pack -time -feedback -pass -answers
                -attempt -review -record -attempts -seed}} {
            error "quiz start: unknown option \"$k\""
        }
    }
    set n [llength $questions]
    if {!$n} { error "quiz start: no questions" }
    if {[dict get $o -feedback] ni {each end}} {
        error "quiz start: feedback must be each or end, not \"[dict get $o -feedback]\""
    }
    foreach k {-time -pass} {
        if {![string is double -strict [dict get $o $k]] || [dict get $o $k] < 0} {
            error "quiz start: $k must be a number >= 0, not \"[dict get $o $k]\""
        }
    }
    set answers [dict get $o -answers]
    if {![llength $answers]} { set answers [lrepeat $n {}] }
    if {[llength $answers] != $n} {
        error "quiz start: $n questions but [llength $answers] answers"
    }
    set i [lsearch -exact $answers {}]
    if {$i < 0} { set i [expr {$n - 1}] }
    set time [dict get $o -time]
    set run [dict create title [dict get $o -title] stages [dict get $o -stages] \
        pack [dict get $o -pack] review [dict get $o -review] \
        questions $questions answers $answers i $i \
        attempt "" feedback [dict get $o -feedback] pass [dict get $o -pass] \
        deadline [expr {$time > 0
            ? [clock milliseconds] + round(1000 * $time) : ""}] shown 0]
    if {[dict exists $o -attempt]} {
        dict set run attempt [dict get $o -attempt]
    } elseif {[dict get $o -record]} {
        # The attempt keeps the run's settings in its own columns.
        set aopts [list -questions $questions -title [dict get $o -title] \
            -time [expr {round($time)}] -feedback [dict get $o -feedback] \
            -pass [expr {100.0 * [dict get $o -pass]}] \
            -attempts [dict get $o -attempts] -seed [dict get $o -seed]]
        if {[dict get $o -review]} {
            lappend aopts -review 1
        } elseif {[dict get $o -pack] ne ""} {
            lappend aopts -pack [dict get $o -pack]
        } elseif {[llength [dict get $o -stages]] == 1} {
            lappend aopts -stage [lindex [dict get $o -stages] 0]
        }
        set rec [records]
        if {$rec ne "" && [student] ne ""} {
            dict set run attempt [$rec attempt start [student] {*}$aopts]
        }
    }
    set token q[incr serial]
    set runs($token) $run
    return $token
}

# A records write failed (MSG, its -errorcode CODE): the quiz stops here.
# The operator log gets the details, the student a clear message on the
# error screen; the answers already saved stay saved.
proc ::kiosk::ui::quiz::Stopped {msg code {info ""}} {
    oplog "records: $msg ($code)"
    if {[lrange $code 0 2] eq {KIOSK RECORDS ATTEMPTS}} {
        set why [mc "You have used every attempt this quiz allows."]
    } elseif {[lrange $code 0 2] eq {KIOSK DB FULL}} {
        set why [mc "The kiosk's disk is full, so your answers cannot be saved. The quiz has stopped; every answer you gave before this one is saved."]
    } else {
        set why [mc "Your answers cannot be saved, so the quiz has stopped. Every answer you gave before this one is saved."]
    }
    goto error [mc "The quiz has stopped"] $why "$msg\n$info" $code
}

# show FRAME ?-stages LIST? ?-pack ID? ?-count N? ?-resume TOKEN?
proc ::kiosk::ui::quiz::show {f args} {
    variable runs
    variable state
    set o [dict merge {-stages {} -pack "" -count "" -resume ""} $args]
    set token [dict get $o -resume]
    if {$token eq "" || ![info exists runs($token)]} {
        if {[dict get $o -pack] ne ""} {
            # A class quiz opens on its intro: the clock starts at Start.
            Intro $f [dict get $o -pack]
            return
        }
        set token [NewRun $o]
        if {$token eq ""} { return }
    }
    set state($f,token) $token
    set run $runs($token)
    header $f -title [mc "Quiz: %s" [dict get $run title]] -back [list ::kiosk::ui::quiz::Leave $f]
    # Progress and time.
    ttk::frame $f.top -padding {16 8}
    ttk::label $f.top.count -style Muted.TLabel
    ttk::progressbar $f.top.bar -mode determinate -maximum \
        [llength [dict get $run questions]]
    ttk::label $f.top.time -style Head.TLabel
    grid $f.top.count $f.top.bar $f.top.time -sticky ew -padx 8
    grid columnconfigure $f.top 1 -weight 1
    grid $f.top -row 2 -column 0 -sticky ew
    # The question, its feedback and the buttons.
    ttk::frame $f.q -padding {32 12}
    grid $f.q -row 3 -column 0 -sticky nsew
    ttk::frame $f.fb -style Card.TFrame -padding {24 12}
    ttk::frame $f.nav -padding {32 8 32 16}
    ttk::button $f.nav.check -text [mc "Check my answer"] -style Accent.TButton \
        -command [list ::kiosk::ui::quiz::Submit $f]
    ttk::button $f.nav.next -text [mc "Next question \u2192"] -style Accent.TButton \
        -command [list ::kiosk::ui::quiz::Next $f]
    ttk::button $f.nav.lesson -text [mc "Show me in the lesson"] \
        -command [list ::kiosk::ui::quiz::ToLesson $f]
    ttk::label $f.nav.hint -style Small.TLabel -justify left
    grid $f.nav.hint -row 0 -column 0 -sticky w
    bind $f.nav <Configure> [list ::kiosk::ui::quiz::NavWrap $f]
    grid $f.nav -row 5 -column 0 -sticky ew
    grid columnconfigure $f.nav 0 -weight 1
    grid columnconfigure $f 0 -weight 1
    grid rowconfigure $f 3 -weight 1
    bind $f <Destroy> +[list ::kiosk::ui::quiz::Forget $f]
    bind $f <Configure> [list ::kiosk::ui::quiz::Measure $f %w]
    # A new text size changes the readable width, not the frame's.
    bind $f <<KioskRestyle>> [list after idle [list ::kiosk::ui::quiz::Remeasure $f]]
    # Options are picked by letter: A for the first (theme.tcl's table).
    set n 0
    foreach letter [Letters] {
        key <<KioskPick$letter>> [list ::kiosk::ui::quiz::Key $f [incr n]]
    }
    if {[dict get $run deadline] ne ""} { Tick $f }
    Ask $f
}

# The option letters, in order (as many as theme.tcl has pick events).
proc ::kiosk::ui::quiz::Letters {} {
    return {A B C D E F G H}
}

# The letter of option N (1-based), or "" past the last letter.
proc ::kiosk::ui::quiz::Letter {n} {
    return [lindex [Letters] [expr {$n - 1}]]
}

# The screen frame of a widget inside it.
proc ::kiosk::ui::quiz::Screen {w} {
    return [join [lrange [split $w .] 0 1] .]
}

# Keys bound once, on bindtags (STYLE.md): KioskOption on each answer
# option (buttons and boxes), KioskAnswers on the answer area, KioskTyped
# on entries and match lists, KioskOrder on the ordering list. Each ends
# with break so the screen-wide keys do not run a second time.
bind KioskOption <<KioskDown>> {::kiosk::ui::quiz::FocusMove %W 1; break}
bind KioskOption <<KioskUp>> {::kiosk::ui::quiz::FocusMove %W -1; break}
bind KioskOption <<KioskActivate>> {::kiosk::ui::quiz::OptionEnter %W}
bind KioskAnswers <<KioskDown>> {::kiosk::ui::quiz::FocusOption %W first; break}
bind KioskAnswers <<KioskUp>> {::kiosk::ui::quiz::FocusOption %W last; break}
bind KioskTyped <<KioskActivate>> {::kiosk::ui::quiz::Submit [::kiosk::ui::quiz::Screen %W]; break}
bind KioskTyped <<KioskBack>> {::kiosk::ui::quiz::Leave [::kiosk::ui::quiz::Screen %W]; break}
bind KioskOrder <<KioskUp>> {::kiosk::ui::quiz::OrderSel [::kiosk::ui::quiz::Screen %W] -1; break}
bind KioskOrder <<KioskDown>> {::kiosk::ui::quiz::OrderSel [::kiosk::ui::quiz::Screen %W] 1; break}
bind KioskOrder <<KioskMoveUp>> {::kiosk::ui::quiz::OrderMove [::kiosk::ui::quiz::Screen %W] -1; break}
bind KioskOrder <<KioskMoveDown>> {::kiosk::ui::quiz::OrderMove [::kiosk::ui::quiz::Screen %W] 1; break}
bind KioskOrder <<KioskActivate>> {::kiosk::ui::quiz::Submit [::kiosk::ui::quiz::Screen %W]; break}
bind KioskOrder <FocusIn> {::kiosk::ui::quiz::OrderShow [::kiosk::ui::quiz::Screen %W]}
bind KioskOrder <FocusOut> {::kiosk::ui::quiz::OrderShow [::kiosk::ui::quiz::Screen %W]}

# Put bindtag TAG right after widget W's own.
proc ::kiosk::ui::quiz::Tag {w tag} {
    bindtags $w [linsert [bindtags $w] 1 $tag]
}

# Enter on an option: a choice button answers (its class binding invokes
# it); on a "choose every one" box it checks the answer, as everywhere,
# instead of ticking the box (Space ticks).
proc ::kiosk::ui::quiz::OptionEnter {w} {
    if {[winfo class $w] eq "TCheckbutton"} {
        Submit [Screen $w]
        return -code break
    }
}

# On a wide screen the question keeps a readable width, centred: the
# question, its feedback and the buttons share the same margins.
proc ::kiosk::ui::quiz::Margin {f} {
    set w [winfo width $f]
    set most [expr {int(75 * [font measure KioskBig "abcdefghijklmnopqrstuvwxyz"] / 26.0)}]
    return [expr {max(32, ($w - $most) / 2)}]
}

proc ::kiosk::ui::quiz::Remeasure {f} {
    if {[winfo exists $f.q]} { Measure $f [winfo width $f] }
}

proc ::kiosk::ui::quiz::Measure {f width} {
    set m [Margin $f]
    $f.q configure -padding [list $m 12]
    $f.nav configure -padding [list $m 8 $m 16]
    if {[winfo manager $f.fb] eq "grid"} {
        grid configure $f.fb -padx $m
    }
    Wrap $f [winfo width $f.q]
    NavWrap $f
}

# Make a new run from the options of show; returns its token, or "" after
# going to another screen.
proc ::kiosk::ui::quiz::NewRun {o} {
    variable seed
    variable passMark
    set db [course]
    set rec [records]
    set s [expr {$seed ne "" ? $seed : [clock seconds]}]
    set sopts [list -stages [dict get $o -stages]]
    set title ""
    try {
        if {[llength [dict get $o -stages]] == 1} {
            set title [dict get [$db stage [lindex [dict get $o -stages] 0]] title]
            lappend sopts -title $title
        }
        # (a pack's quiz starts from its intro: Intro, Begin)
        if {$rec ne "" && [student] ne ""} {
            # The core draws the stage quiz and stores it as drawn.
            set opts [list -course $db -stages [dict get $o -stages] -seed $s \
                -pass [expr {100.0 * $passMark}]]
            if {[dict get $o -count] ne ""} {
                lappend opts -count [dict get $o -count]
            }
            if {$title ne ""} { lappend opts -title $title }
            try {
                set id [$rec attempt start [student] {*}$opts]
            } trap {KIOSK QUIZ EMPTY} {} {
                set qs {}
            } on error {msg o2} {
                if {[lindex [dict get $o2 -errorcode] 1] in {RECORDS DB}} {
                    Stopped $msg [dict get $o2 -errorcode] [dict get $o2 -errorinfo]
                    return ""
                }
                return -options $o2 $msg
            }
            if {[info exists id]} {
                set qs [dict get [$rec attempt get $id] questions]
                lappend sopts -attempt $id
            }
        } else {
            set opts [list -stages [dict get $o -stages] -seed $s]
            if {[dict get $o -count] ne ""} {
                lappend opts -count [dict get $o -count]
            }
            set qs [$db quiz {*}$opts]
        }
    } on error {msg opts} {
        # the pack may not be read from the records: logged as well
        recordsError $msg $opts
        goto error [mc "This quiz could not be made."] $msg \
            [dict get $opts -errorinfo] [dict get $opts -errorcode]
        return ""
    }
    if {![llength $qs]} {
        toast [mc "There are no questions for this stage yet."]
        goto coursemap [lindex [dict get $o -stages] 0]
        return ""
    }
    try {
        return [start $qs {*}$sopts -seed $s]
    } on error {msg opts} {
        Stopped $msg [dict get $opts -errorcode] [dict get $opts -errorinfo]
        return ""
    }
}

# The questions of installed pack ID (its text kept in the records), as
# the intro shows them before Start; adds the run's options to the list in
# OPTSVAR from the pack's settings: its title, stages, pass mark
# (percent), time limit (seconds, 0 for none) and feedback (each or end);
# seed (a number, or per-student: the seed given). A recorded attempt is
# not started from these: Begin has the core take the pack's quiz itself.
proc ::kiosk::ui::quiz::PackRun {db id seed optsVar} {
    upvar 1 $optsVar opts
    set p [[records] packs get $id]
    set name $id.pack
    set pack [::kiosk::pack parse $name -text [dict get $p text]]
    set st [dict get $pack settings]
    lappend opts -pack $id -title [dict get $p title]
    if {[dict exists $st stages]} {
        lappend opts -stages [dict get $st stages]
    }
    lappend opts {*}[PackSettings $st] -seed $seed
    if {[dict exists $st attempts] && [string is integer -strict [dict get $st attempts]]
            && [dict get $st attempts] > 0} {
        lappend opts -attempts [dict get $st attempts]
    }
    return [$db packquiz $name -text [dict get $p text] -seed $seed]
}

# The runner's options from a parsed pack's settings ST: -pass, -time,
# -feedback.
proc ::kiosk::ui::quiz::PackSettings {st} {
    set opts {}
    if {[dict exists $st pass]} {
        lappend opts -pass [expr {[dict get $st pass] / 100.0}]
    }
    if {[dict exists $st time] && [dict get $st time] > 0} {
        lappend opts -time [dict get $st time]
    }
    if {[dict exists $st feedback]} {
        lappend opts -feedback [dict get $st feedback]
    }
    return $opts
}

### A class quiz's intro, its attempts, and leaving it.

# The intro of class quiz (installed pack) ID, before its clock starts:
# title, questions, time limit, attempts allowed and used, pass mark and
# feedback. "Start" (Enter) begins a new attempt; when the student has an
# unfinished attempt at this pack, "Carry on" reopens that one instead (its
# questions, its answers, the time left by resume's rule), so leaving and
# starting again never draws new questions or a new clock; when every
# attempt the pack allows is used, neither.
proc ::kiosk::ui::quiz::Intro {f id} {
    variable state
    variable seed
    variable passMark
    bind $f <Destroy> +[list ::kiosk::ui::quiz::Forget $f]
    set rec [records]
    set s [expr {$seed ne "" ? $seed : [clock seconds]}]
    set opts {}
    try {
        set p [$rec packs get $id]
        set st [dict get [::kiosk::pack parse $id.pack -text [dict get $p text]] settings]
        set qs [PackRun [course] $id $s opts]
    } on error {msg o} {
        recordsError $msg $o
        goto error [mc "This quiz could not be made."] $msg \
            [dict get $o -errorinfo] [dict get $o -errorcode]
        return
    }
    set state($f,questions) $qs
    set state($f,opts) $opts
    set state($f,pack) $id
    set state($f,seed) $s
    set run [dict merge [list -time 0 -feedback each -pass $passMark] $opts]
    set allowed [expr {[dict exists $st attempts]
        && [string is integer -strict [dict get $st attempts]]
        && [dict get $st attempts] > 0 ? [dict get $st attempts] : 0}]
    # The student's attempts at this pack, from the records.
    set used ""
    set open ""
    if {$rec ne "" && [student] ne ""} {
        set mine [$rec attempts -student [student] -pack $id]
        set used [llength $mine]
        foreach a $mine {
            if {[dict get $a status] eq "open"} { set open [dict get $a id] }
        }
    }
    header $f -title [mc "Class quiz: %s" [dict get $p title]] \
        -back [list ::kiosk::ui::quiz::Home $f]
    set b $f.intro
    ttk::frame $b -padding {40 24}
    ttk::label $b.title -style Title.TLabel -wraplength 1000 -justify left \
        -text [dict get $p title]
    grid $b.title -row 0 -column 0 -columnspan 2 -sticky w -pady {0 8}
    if {[dict exists $st description] && [dict get $st description] ne ""} {
        ttk::label $b.desc -font KioskBig -wraplength 1000 -justify left \
            -text [dict get $st description]
        grid $b.desc -row 1 -column 0 -columnspan 2 -sticky w -pady {0 16}
    }
    set time [dict get $run -time]
    set rows [list \
        questions [mc "Questions"] [llength $qs] \
        time [mc "Time limit"] [expr {$time > 0 ? [Duration $time] : [mc "None"]}] \
        attempts [mc "Attempts"] [AttemptsText $allowed $used] \
        pass [mc "Pass mark"] [format %d%% [expr {round(100 * [dict get $run -pass])}]] \
        feedback [mc "Feedback"] [expr {[dict get $run -feedback] eq "end"
            ? [mc "All of it at the end"] : [mc "After each answer"]}]]
    set r 2
    foreach {k label value} $rows {
        ttk::label $b.k$k -style Muted.TLabel -font KioskBig -text $label
        ttk::label $b.v$k -font KioskBig -text $value
        grid $b.k$k $b.v$k -row $r -sticky w -padx {0 24} -pady 2
        incr r
    }
    ttk::label $b.msg -font KioskBig -wraplength 1000 -justify left
    ttk::frame $b.buttons
    grid $b.msg -row $r -column 0 -columnspan 2 -sticky w -pady {24 8}
    grid $b.buttons -row [incr r] -column 0 -columnspan 2 -sticky w
    if {$open ne ""} {
        set a [$rec attempt get $open]
        set msg [mc "You have not finished this quiz: %d of %d questions answered. Carry on where you left off; your answers are kept." \
            [llength [dict get $a answers]] [llength [dict get $a questions]]]
        set st0 [::kiosk::ui::resume::Settings $a]
        if {[dict exists $st0 time] && [dict get $st0 time] > 0} {
            set left [::kiosk::ui::resume::TimeLeft $a]
            append msg " " [mc "Time left: %d:%02d." [expr {$left / 60}] [expr {$left % 60}]]
        }
        $b.msg configure -text $msg
        ttk::button $b.buttons.go -text [mc "Carry on \u2192"] -style Accent.TButton \
            -command [list ::kiosk::ui::quiz::CarryOn $f $open]
    } elseif {$allowed > 0 && $used ne "" && $used >= $allowed} {
        $b.msg configure -style Wrong.TLabel -text [Used $allowed]
        ttk::button $b.buttons.go -text [mc "Back to the course"] \
            -command [list ::kiosk::ui::quiz::Home $f]
    } else {
        if {$time > 0} {
            $b.msg configure -text [mc "The clock starts when you press Start."]
        }
        ttk::button $b.buttons.go -text [mc "Start \u2192"] -style Accent.TButton \
            -command [list ::kiosk::ui::quiz::Begin $f]
    }
    grid $b.buttons.go -sticky w
    grid columnconfigure $b 1 -weight 1
    grid $b -row 2 -column 0 -sticky nw
    grid columnconfigure $f 0 -weight 1
    grid rowconfigure $f 2 -weight 1
    focus $b.buttons.go
}

# "2 allowed, 1 used", "Unlimited" ...: ALLOWED 0 for unlimited, USED ""
# when not known (no records or nobody signed in).
proc ::kiosk::ui::quiz::AttemptsText {allowed used} {
    if {$used eq ""} {
        return [expr {$allowed > 0 ? [mc "%d allowed" $allowed] : [mc "Unlimited"]}]
    }
    return [expr {$allowed > 0 ? [mc "%d allowed, %d used" $allowed $used]
        : [mc "Unlimited, %d used" $used]}]
}

# The message for a student who has used all ALLOWED attempts.
proc ::kiosk::ui::quiz::Used {allowed} {
    switch -- $allowed {
        1 { return [mc "You have used your one attempt at this quiz."] }
        2 { return [mc "You have used both attempts at this quiz."] }
    }
    return [mc "You have used all %d attempts at this quiz." $allowed]
}

# SECONDS as "40 min", "1 h 30 min", "90 s".
proc ::kiosk::ui::quiz::Duration {seconds} {
    set seconds [expr {round($seconds)}]
    if {$seconds % 60} { return [mc "%d s" $seconds] }
    set m [expr {$seconds / 60}]
    if {$m < 60} { return [mc "%d min" $m] }
    if {$m % 60} { return [mc "%d h %d min" [expr {$m / 60}] [expr {$m % 60}]] }
    return [mc "%d h" [expr {$m / 60}]]
}

# The intro's Start: the run (and its attempt and clock) begins now. With
# records and a student, the core takes the pack's quiz (attempt start
# -course -pack: drawn with the intro's seed, run with the pack's
# settings) and the run shows the questions as stored; without, the run
# is the intro's draw, kept out of the records.
proc ::kiosk::ui::quiz::Begin {f} {
    variable state
    set rec [records]
    try {
        if {$rec ne "" && [student] ne ""} {
            set id [$rec attempt start [student] -course [course] \
                -pack $state($f,pack) -seed $state($f,seed)]
            set qs [dict get [$rec attempt get $id] questions]
            set token [start $qs {*}$state($f,opts) -attempt $id]
        } else {
            set token [start $state($f,questions) {*}$state($f,opts)]
        }
    } on error {msg o} {
        Stopped $msg [dict get $o -errorcode] [dict get $o -errorinfo]
        return
    }
    goto quiz -resume $token
}

# The intro's Carry on: the unfinished attempt ID of this pack.
proc ::kiosk::ui::quiz::CarryOn {f id} {
    try {
        set token [::kiosk::ui::resume::start [[records] attempt get $id]]
    } on error {msg o} {
        Stopped $msg [dict get $o -errorcode] [dict get $o -errorinfo]
        return
    }
    goto quiz -resume $token
}

# The intro's Back.
proc ::kiosk::ui::quiz::Home {f} {
    goto coursemap
}

# Back or Escape in a quiz: "Leave the quiz?" over the question.
# The card's buttons leave the screen's keys (answer letters, Escape) out
# of their bindings, so nothing is answered behind it; Escape there stays.
proc ::kiosk::ui::quiz::AskLeave {f} {
    variable state
    set state($f,focus) [focus]
    set c $f.leave
    ttk::frame $c -style Card.TFrame -padding 24
    set bg [::kiosk::ui::theme::color panel]
    ttk::label $c.msg -font KioskBig -background $bg -wraplength 600 -justify left \
        -text [LeaveText [Run $f]]
    ttk::frame $c.buttons -style Panel.TFrame
    ttk::button $c.buttons.stay -text [mc "Stay in the quiz"] -style Accent.TButton \
        -command [list ::kiosk::ui::quiz::Stay $f]
    ttk::button $c.buttons.leave -text [mc "Leave the quiz"] \
        -command [list ::kiosk::ui::quiz::Quit $f]
    foreach w [list $c.buttons.stay $c.buttons.leave] {
        bindtags $w [list $w TButton $c all]
    }
    bind $c <<KioskBack>> [list ::kiosk::ui::quiz::Stay $f]
    grid $c.msg -sticky w -pady {0 16}
    grid $c.buttons.stay $c.buttons.leave -padx {0 12}
    grid $c.buttons -sticky w
    place $c -relx 0.5 -rely 0.4 -anchor center
    raise $c
    focus $c.buttons.stay
    catch {grab $c}
}

# What leaving RUN means, in words.
proc ::kiosk::ui::quiz::LeaveText {run} {
    if {[dict get $run attempt] eq ""} {
        return [mc "Leave the quiz? Your answers so far will not be kept."]
    }
    if {[dict get $run pack] ne ""} {
        return [mc "Leave the quiz? Your answers so far are kept and you can carry on later."]
    }
    return [mc "Leave the quiz? It ends here: your answers so far stay in your record, but you cannot carry on with it later."]
}

proc ::kiosk::ui::quiz::Stay {f} {
    variable state
    if {![winfo exists $f.leave]} { return }
    catch {grab release $f.leave}
    destroy $f.leave
    # The focus goes back where it was.
    if {[info exists state($f,focus)] && [winfo exists $state($f,focus)]} {
        focus $state($f,focus)
    }
}

proc ::kiosk::ui::quiz::Run {f} {
    variable runs
    variable state
    return $runs($state($f,token))
}

proc ::kiosk::ui::quiz::SetRun {f key value} {
    variable runs
    variable state
    dict set runs($state($f,token)) $key $value
}

# Show the current question (or its feedback, when coming back to it).
proc ::kiosk::ui::quiz::Ask {f} {
    variable state
    set run [Run $f]
    set i [dict get $run i]
    set qs [dict get $run questions]
    set q [lindex $qs $i]
    $f.top.count configure -text [mc "Question %d of %d" [expr {$i + 1}] [llength $qs]]
    Progress $f
    foreach w [winfo children $f.q] { destroy $w }
    grid forget $f.fb
    foreach w [winfo children $f.fb] { destroy $w }
    grid forget $f.nav.check $f.nav.next $f.nav.lesson
    $f.nav.check configure -text [mc "Check my answer"]
    array unset state $f,multi,*
    array unset state $f,match,*
    set state($f,get) ""
    ttk::label $f.q.prompt -text [dict get $q prompt] -font KioskBig \
        -justify left -wraplength 900
    grid $f.q.prompt -row 0 -column 0 -sticky w -pady {4 16}
    QuestionImage $f $q
    bind $f.q <Configure> [list ::kiosk::ui::quiz::Wrap $f %w]
    ttk::frame $f.q.a
    grid $f.q.a -row 1 -column 0 -sticky nsew
    grid columnconfigure $f.q 0 -weight 1
    set kind [dict get $q kind]
    switch -- $kind {
        choice - tf { Choice $f $q }
        multi { Multi $f $q }
        year - number - text { Typed $f $q }
        order { Order $f $q }
        match { Match $f $q }
        essay { Essay $f $q }
        description { Info $f $q }
        default {
            ttk::label $f.q.a.x -text [mc "This kind of question (%s) cannot be shown." $kind]
            grid $f.q.a.x
            set state($f,get) [list ::kiosk::ui::quiz::Skip]
        }
    }
    if {$kind ni {choice tf}} {
        grid $f.nav.check -row 0 -column 3 -sticky e -padx 4
    }
    set a [lindex [dict get $run answers] $i]
    if {$a ne "" && [dict get $run feedback] eq "each"} {
        Feedback $f [lindex $a 0] [lindex $a 1]
    }
}

# The question's image (a PNG or GIF the pack carries, base64), beside
# the prompt; the previous question's image is freed. Data Tk cannot read
# shows the image's description instead.
proc ::kiosk::ui::quiz::QuestionImage {f q} {
    variable state
    if {[info exists state($f,img)]} {
        catch {image delete $state($f,img)}
        unset state($f,img)
    }
    if {![dict exists $q imagedata]} { return }
    if {[catch {image create photo -data [dict get $q imagedata]} img]} {
        set alt [expr {[dict exists $q imagealt] ? [dict get $q imagealt] : ""}]
        ttk::label $f.q.img -text [mc "(image: %s)" $alt] -style Muted.TLabel
    } else {
        set state($f,img) $img
        ttk::label $f.q.img -image $img
        bind $f.q.img <Destroy> [list ::kiosk::ui::quiz::FreeImage $f $img]
    }
    grid $f.q.img -row 0 -column 1 -rowspan 2 -sticky ne -padx {16 0}
}

proc ::kiosk::ui::quiz::FreeImage {f img} {
    variable state
    catch {image delete $img}
    if {[info exists state($f,img)] && $state($f,img) eq $img} {
        unset state($f,img)
    }
}

# The progress bar: the questions answered so far (also when the run is
# shown again, after the lesson).
proc ::kiosk::ui::quiz::Progress {f} {
    set n 0
    foreach a [dict get [Run $f] answers] {
        if {$a ne ""} { incr n }
    }
    $f.top.bar configure -value $n
}

# The prompt wraps at the question frame's inner width: its width less
# the centring padding on both sides (Measure sets it).
proc ::kiosk::ui::quiz::Wrap {f width} {
    if {[winfo exists $f.q.prompt]} {
        lassign [$f.q cget -padding] left - right
        if {$right eq ""} { set right $left }
        set inner [expr {max(200, $width - $left - $right - 4)}]
        $f.q.prompt configure -wraplength $inner
        # Long options wrap too (the option styles are the quiz's own).
        foreach style {Option.TButton Quiz.TCheckbutton} {
            ttk::style configure $style -wraplength [expr {$inner - 60}]
        }
        # The ordering items wrap beside the Move buttons.
        if {[winfo exists $f.q.a.list]} {
            set room [expr {max(150, $inner - [winfo reqwidth $f.q.a.moves] - 32 - 40)}]
            foreach r [winfo children $f.q.a.list] {
                $r configure -wraplength $room -justify left
            }
        }
    }
}

# The hint beside the buttons wraps in the room they leave.
proc ::kiosk::ui::quiz::NavWrap {f} {
    if {![winfo exists $f.nav.hint]} { return }
    set room [winfo width $f.nav]
    lassign [$f.nav cget -padding] left - right
    if {$right eq ""} { set right $left }
    incr room -[expr {$left + $right + 16}]
    foreach w [list $f.nav.check $f.nav.next $f.nav.lesson] {
        if {[winfo manager $w] eq "grid"} {
            incr room -[expr {[winfo reqwidth $w] + 8}]
        }
    }
    set room [expr {max(120, $room)}]
    if {[$f.nav.hint cget -wraplength] != $room} {
        $f.nav.hint configure -wraplength $room
    }
}

### The kinds.

# Choice and true/false: one button per option; letter keys answer.
proc ::kiosk::ui::quiz::Choice {f q} {
    set n 0
    foreach opt [dict get $q options] {
        incr n
        ttk::button $f.q.a.o$n -text "[Letter $n]   [dict get $opt text]" \
            -style Option.TButton \
            -command [list ::kiosk::ui::quiz::Answer $f [expr {$n - 1}]]
        grid $f.q.a.o$n -sticky ew -pady 4
        Tag $f.q.a.o$n KioskOption
    }
    grid columnconfigure $f.q.a 0 -weight 1
    $f.nav.hint configure -text [mc "Press %s to %s, or click an answer." A [Letter $n]]
    # Nothing is chosen yet: the keyboard starts on the answers as a
    # whole, where Return does nothing; Down/Up (or Tab) go to an option,
    # which Return then answers.
    $f.q.a configure -takefocus 1
    Tag $f.q.a KioskAnswers
    focus $f.q.a
}

# From the answer area A: the keyboard to its first or last option.
proc ::kiosk::ui::quiz::FocusOption {a which} {
    set opts [lsort -dictionary [lmap w [winfo children $a] {
        if {![string match $a.o* $w]} continue
        set w
    }]]
    if {![llength $opts]} { return }
    focus [expr {$which eq "first" ? [lindex $opts 0] : [lindex $opts end]}]
}

proc ::kiosk::ui::quiz::FocusMove {w by} {
    set p [winfo parent $w]
    set i [string range [winfo name $w] 1 end]
    set next $p.o[expr {$i + $by}]
    if {[winfo exists $next]} { focus $next }
}

# A letter key: answer option N (choice), or tick it (multi).
proc ::kiosk::ui::quiz::Key {f n} {
    variable state
    if {[dict get [Run $f] shown]} { return }
    if {[winfo exists $f.q.a.o$n] && [winfo class $f.q.a.o$n] eq "TButton"} {
        Answer $f [expr {$n - 1}]
    } elseif {[info exists state($f,multi,[expr {$n - 1}])]} {
        set state($f,multi,[expr {$n - 1}]) [expr {!$state($f,multi,[expr {$n - 1}])}]
    }
}

# Several answers: a checkbutton per option; letter keys (and Space) tick;
# Enter or Check answers.
proc ::kiosk::ui::quiz::Multi {f q} {
    variable state
    set n 0
    foreach opt [dict get $q options] {
        set state($f,multi,$n) 0
        incr n
        ttk::checkbutton $f.q.a.o$n -text "[Letter $n]   [dict get $opt text]" \
            -style Quiz.TCheckbutton -variable ::kiosk::ui::quiz::state($f,multi,[expr {$n - 1}])
        grid $f.q.a.o$n -sticky w -pady 4
        Tag $f.q.a.o$n KioskOption
    }
    set state($f,get) [list ::kiosk::ui::quiz::GetMulti $f $n]
    $f.nav.hint configure -text [mc "Pick every right answer (keys %s to %s), then press Enter or Check." A [Letter $n]]
    focus $f.q.a.o1
}

proc ::kiosk::ui::quiz::GetMulti {f n} {
    variable state
    set out {}
    for {set i 0} {$i < $n} {incr i} {
        if {$state($f,multi,$i)} { lappend out $i }
    }
    if {![llength $out]} { return -code continue }
    return $out
}

# Typed year, number or text: an entry; Return checks.
proc ::kiosk::ui::quiz::Typed {f q} {
    variable state
    set kind [dict get $q kind]
    ttk::entry $f.q.a.e -font KioskBig -width [expr {$kind eq "text" ? 30 : 12}]
    grid $f.q.a.e -row 0 -column 0 -sticky w
    if {$kind eq "number" && [dict exists $q unit]} {
        ttk::label $f.q.a.unit -text [UnitWords [dict get $q unit]] -font KioskBig
        grid $f.q.a.unit -row 0 -column 1 -sticky w -padx 12
    }
    ttk::label $f.q.a.msg -style Wrong.TLabel -font KioskBody
    grid $f.q.a.msg -row 1 -column 0 -columnspan 2 -sticky w -pady 6
    Tag $f.q.a.e KioskTyped
    set state($f,get) [list ::kiosk::ui::quiz::GetTyped $f $kind]
    $f.nav.hint configure -text [switch -- $kind {
        year { mc "Type the year, then press Enter." }
        number { mc "Type the number, then press Enter." }
        default { mc "Type your answer, then press Enter." }
    }]
    focus $f.q.a.e
}

proc ::kiosk::ui::quiz::UnitWords {unit} {
    switch -- $unit {
        USD - count { return "" }
        bcm/yr { return [mc "bcm a year"] }
        default { return $unit }
    }
}

proc ::kiosk::ui::quiz::GetTyped {f kind} {
    set v [string trim [$f.q.a.e get]]
    set msg ""
    if {$v eq ""} {
        set msg [mc "Type an answer first."]
    } elseif {$kind eq "year" && ![regexp {^\d{3,4}$} $v]} {
        set msg [mc "A year is a number like 1998."]
    } elseif {$kind eq "number" && ![Readable $f $v]} {
        set msg [mc "Type a number, like 4 or \$396 million."]
    }
    $f.q.a.msg configure -text $msg
    if {$msg ne ""} { return -code continue }
    return $v
}

# 1 when the package reads an amount from TEXT. The package scores an
# unreadable amount 0, like a wrong one; scored against the question
# made to accept every amount in any unit (min..max the widest range, no
# unit), TEXT gets credit exactly when the package's amount parser reads
# a number from it ("4", "four", "$396m", "0,396 bn"; not "lots").
proc ::kiosk::ui::quiz::Readable {f text} {
    set run [Run $f]
    set q [lindex [dict get $run questions] [dict get $run i]]
    set probe [dict merge [dict remove $q unit tol] {min -1e300 max 1e300}]
    if {[catch {[course] score $probe $text} score]} { return 0 }
    return [expr {[dict get $score credit] > 0}]
}

# Ordering: the items in a list; Up/Down choose one, Shift+Up/Down (or the
# buttons, or dragging with the mouse) move it.
proc ::kiosk::ui::quiz::Order {f q} {
    variable state
    set n [llength [dict get $q options]]
    set state($f,order) {}
    for {set i 0} {$i < $n} {incr i} { lappend state($f,order) $i }
    set state($f,osel) 0
    set state($f,oq) $q
    set l $f.q.a.list
    ttk::frame $l -takefocus 1 -style Card.TFrame -padding 4
    grid $l -row 0 -column 0 -sticky nsew
    ttk::frame $f.q.a.moves
    ttk::button $f.q.a.moves.up -text [mc "Move up \u2191"] \
        -command [list ::kiosk::ui::quiz::OrderMove $f -1]
    ttk::button $f.q.a.moves.down -text [mc "Move down \u2193"] \
        -command [list ::kiosk::ui::quiz::OrderMove $f 1]
    grid $f.q.a.moves.up -pady 4 -sticky ew
    grid $f.q.a.moves.down -pady 4 -sticky ew
    grid $f.q.a.moves -row 0 -column 1 -sticky n -padx 16
    grid columnconfigure $f.q.a 0 -weight 1
    for {set i 0} {$i < $n} {incr i} {
        ttk::label $l.r$i -padding {12 8} -font KioskBody -anchor w
        grid $l.r$i -row $i -column 0 -sticky ew -pady 2
        bind $l.r$i <ButtonPress-1> [list ::kiosk::ui::quiz::DragStart $f $i]
        bind $l.r$i <B1-Motion> [list ::kiosk::ui::quiz::DragMove $f %Y]
    }
    grid columnconfigure $l 0 -weight 1
    Tag $l KioskOrder
    set state($f,get) [list ::kiosk::ui::quiz::GetOrder $f]
    $f.nav.hint configure -text \
        [mc "Earliest first. \u2191 \u2193 choose an item, Shift+\u2191 \u2193 move it, or drag it; then Enter or Check. Each pair of items in the right order earns its share of the points."]
    OrderShow $f
    focus $l
}

proc ::kiosk::ui::quiz::OrderShow {f} {
    variable state
    set l $f.q.a.list
    if {![winfo exists $l]} { return }
    set opts [dict get $state($f,oq) options]
    set focused [expr {[focus] eq $l}]
    set pos 0
    foreach i $state($f,order) {
        set sel [expr {$pos == $state($f,osel)}]
        set bg [::kiosk::ui::theme::color [expr {$sel ? ($focused ? "focus" : "select") : "panel"}]]
        set fg [expr {$sel && $focused ? "#000000" : [::kiosk::ui::theme::color fg]}]
        $l.r$pos configure -text "[expr {$pos + 1}].  [dict get [lindex $opts $i] text]" \
            -background $bg -foreground $fg \
            -relief [expr {$sel ? "raised" : "flat"}]
        incr pos
    }
}

proc ::kiosk::ui::quiz::OrderSel {f by} {
    variable state
    set n [llength $state($f,order)]
    set state($f,osel) [expr {max(0, min($n - 1, $state($f,osel) + $by))}]
    OrderShow $f
    return -code break
}

# Move the chosen item BY places (-1 up, 1 down): keys and buttons.
proc ::kiosk::ui::quiz::OrderMove {f by} {
    Swap $f $by
    return -code break
}

# Swap the chosen item with its neighbour BY places away; returns 1 when
# it moved.
proc ::kiosk::ui::quiz::Swap {f by} {
    variable state
    if {[dict get [Run $f] shown]} { return 0 }
    set a $state($f,osel)
    set b [expr {$a + $by}]
    set n [llength $state($f,order)]
    if {$b < 0 || $b >= $n} { return 0 }
    set o $state($f,order)
    set x [lindex $o $a]
    lset o $a [lindex $o $b]
    lset o $b $x
    set state($f,order) $o
    set state($f,osel) $b
    OrderShow $f
    return 1
}

proc ::kiosk::ui::quiz::DragStart {f pos} {
    variable state
    set state($f,osel) $pos
    focus $f.q.a.list
    OrderShow $f
}

# While dragging: the row under the pointer takes the dragged item's place.
proc ::kiosk::ui::quiz::DragMove {f rootY} {
    variable state
    set l $f.q.a.list
    set n [llength $state($f,order)]
    for {set p 0} {$p < $n} {incr p} {
        set y0 [winfo rooty $l.r$p]
        set y1 [expr {$y0 + [winfo height $l.r$p]}]
        if {$rootY >= $y0 && $rootY < $y1} { break }
    }
    if {$p >= $n || $p == $state($f,osel)} { return }
    while {$state($f,osel) != $p} {
        if {![Swap $f [expr {$p > $state($f,osel) ? 1 : -1}]]} { break }
    }
}

proc ::kiosk::ui::quiz::GetOrder {f} {
    variable state
    return $state($f,order)
}

# Matching: each left-hand item gets a list of the right-hand texts.
proc ::kiosk::ui::quiz::Match {f q} {
    variable state
    set rights [lmap p [dict get $q pairs] {lindex $p 1}]
    if {[dict exists $q distractors]} {
        # extra right-hand texts that match nothing (Moodle's "= -> x")
        lappend rights {*}[dict get $q distractors]
    }
    set rights [lsort -dictionary -unique $rights]
    set n 0
    foreach p [dict get $q pairs] {
        ttk::label $f.q.a.l$n -text [lindex $p 0] -font KioskBold
        ttk::combobox $f.q.a.c$n -values $rights -state readonly -font KioskBody \
            -width 12 -textvariable ::kiosk::ui::quiz::state($f,match,$n)
        set state($f,match,$n) ""
        grid $f.q.a.l$n $f.q.a.c$n -sticky ew -pady 6 -padx {0 16}
        incr n
    }
    # The lists take the room the items leave (no fixed width that runs
    # off a small display at a big text size).
    grid columnconfigure $f.q.a 1 -weight 1
    set state($f,get) [list ::kiosk::ui::quiz::GetMatch $f $n]
    # Return checks, as with every other kind (GetMatch asks for the
    # missing matches first).
    for {set i 0} {$i < $n} {incr i} {
        Tag $f.q.a.c$i KioskTyped
    }
    $f.nav.hint configure -text \
        [mc "Choose a match for each (\u2193 opens the list, Tab moves on), then Check."]
    focus $f.q.a.c0
}

proc ::kiosk::ui::quiz::GetMatch {f n} {
    variable state
    set out {}
    for {set i 0} {$i < $n} {incr i} {
        if {$state($f,match,$i) eq ""} {
            toast [mc "Choose a match for every item first."]
            return -code continue
        }
        lappend out $state($f,match,$i)
    }
    return $out
}

proc ::kiosk::ui::quiz::Skip {} {
    return ""
}

# Essay: a few lines of text for the teacher, never marked here.
proc ::kiosk::ui::quiz::Essay {f q} {
    variable state
    text $f.q.a.t -font KioskBody -width 60 -height 8 -wrap word \
        -relief solid -borderwidth 1 -undo 1
    grid $f.q.a.t -row 0 -column 0 -sticky nsew
    ttk::label $f.q.a.msg -style Wrong.TLabel -font KioskBody
    grid $f.q.a.msg -row 1 -column 0 -sticky w -pady 6
    grid columnconfigure $f.q.a 0 -weight 1
    set state($f,get) [list ::kiosk::ui::quiz::GetEssay $f]
    $f.nav.hint configure -text \
        [mc "Write your answer, then Check: your teacher reads it later."]
    focus $f.q.a.t
}

proc ::kiosk::ui::quiz::GetEssay {f} {
    set v [string trim [$f.q.a.t get 1.0 end]]
    if {$v eq ""} {
        $f.q.a.msg configure -text [mc "Write an answer first."]
        return -code continue
    }
    return $v
}

# Description: an information page; Check goes on.
proc ::kiosk::ui::quiz::Info {f q} {
    variable state
    set state($f,get) [list ::kiosk::ui::quiz::Skip]
    $f.nav.check configure -text [mc "Continue"]
    $f.nav.hint configure -text [mc "Read this, then Continue."]
    focus $f.nav.check
}

### Answering.

# The Check button, or Return in an entry: read the answer and score it.
proc ::kiosk::ui::quiz::Submit {f} {
    variable state
    if {[dict get [Run $f] shown] || $state($f,get) eq ""} { return }
    set code [catch {uplevel #0 $state($f,get)} answer]
    if {$code == 4} { return }
    if {$code} { return -code error $answer }
    Answer $f $answer
}

# Score ANSWER to the current question, record it, then show the feedback
# or go on.
proc ::kiosk::ui::quiz::Answer {f answer} {
    set run [Run $f]
    if {[dict get $run shown]} { return }
    set i [dict get $run i]
    if {[lindex [dict get $run answers] $i] ne ""} { return }
    set q [lindex [dict get $run questions] $i]
    set rec [records]
    if {$rec ne "" && [dict get $run attempt] ne ""} {
        # Scored by the core as it is stored: no score without the write.
        try {
            set score [$rec attempt answer [dict get $run attempt] $i $answer]
        } trap {KIOSK RECORDS DEADLINE} {} {
            toast [mc "Time is up."]
            Finish $f
            return
        } on error {msg o} {
            Stopped $msg [dict get $o -errorcode] [dict get $o -errorinfo]
            return
        }
    } else {
        # A run kept out of the records (nobody signed in): scored alone.
        set score [[course] score $q $answer]
    }
    set answers [dict get $run answers]
    lset answers $i [list $answer $score]
    SetRun $f answers $answers
    Progress $f
    if {[dict get $run feedback] eq "each" && [dict get $q kind] ne "description"} {
        Feedback $f $answer $score
    } else {
        Next $f
    }
}

# Show right or wrong, the right answer, the explanation and the footnote.
proc ::kiosk::ui::quiz::Feedback {f answer score} {
    set run [Run $f]
    SetRun $f shown 1
    set i [dict get $run i]
    set q [lindex [dict get $run questions] $i]
    set correct [dict get $score correct]
    # Lock the inputs; colour the options.
    set todo [winfo children $f.q.a]
    while {[llength $todo]} {
        set todo [lassign $todo w]
        if {[winfo class $w] in {TButton TCheckbutton TEntry TCombobox}} {
            $w state disabled
        }
        lappend todo {*}[winfo children $w]
    }
    # The right options in the right colour; a chosen wrong one in the
    # wrong colour (a "choose every one" question: every box it ticked).
    set kind [dict get $q kind]
    if {$kind in {choice tf multi}} {
        set look [expr {$kind eq "multi" ? "Quiz.TCheckbutton" : "Option.TButton"}]
        set n 0
        foreach opt [dict get $q options] {
            incr n
            if {[dict get $opt credit] > 0} {
                $f.q.a.o$n configure -style Right.$look
            } elseif {$n - 1 in $answer} {
                $f.q.a.o$n configure -style Wrong.$look
            }
        }
    }
    set fb $f.fb
    set bg [::kiosk::ui::theme::color panel]
    set ungraded [expr {[dict exists $score ungraded] && [dict get $score ungraded]}]
    if {$ungraded} {
        ttk::label $fb.verdict -text [mc "Saved for your teacher."] -style Right.TLabel -background $bg
    } elseif {$correct} {
        ttk::label $fb.verdict -text [mc "\u2713 Right!"] -style Right.TLabel -background $bg
    } elseif {[dict get $score credit] > 0} {
        ttk::label $fb.verdict -text [mc "Partly right"] -style Wrong.TLabel -background $bg
    } else {
        ttk::label $fb.verdict -text [mc "\u2717 Not quite"] -style Wrong.TLabel -background $bg
    }
    grid $fb.verdict -sticky w
    # A first guess; FeedbackWrap sets the real width once the card has
    # one (shown again after the lesson, the screen is not laid out yet).
    set wrap [expr {max(500, [winfo width $f] - 140)}]
    set r 1
    # Partial credit says how it was earned.
    set pct [expr {int(round(100.0 * [dict get $score credit]))}]
    set why [switch -- $kind {
        order { mc "You earn %d%% of the points: an order earns a share for each pair of items you put in the right order, one before the other." $pct }
        multi { mc "You earn %d%% of the points: each right answer you ticked earns its share, and a wrong one you ticked can take a share away." $pct }
        default { string cat }
    }]
    if {!$correct && [dict get $score credit] > 0 && $why ne ""} {
        ttk::label $fb.partial -background $bg -wraplength $wrap -justify left -text $why
        grid $fb.partial -sticky w -pady 2
    }
    if {!$correct && !$ungraded && [dict exists $score expected]} {
        ttk::label $fb.expected -background $bg -font KioskBold -wraplength $wrap \
            -justify left -text [mc "The answer: %s" [dict get $score expected]]
        grid $fb.expected -sticky w -pady 2
    }
    if {[dict exists $score feedback] && [dict get $score feedback] ne ""} {
        ttk::label $fb.option -background $bg -wraplength $wrap -justify left \
            -text [dict get $score feedback]
        grid $fb.option -sticky w -pady 2
    }
    foreach k {explain feedbackwrong} {
        if {[dict exists $q $k] && [dict get $q $k] ne ""} {
            ttk::label $fb.$k -background $bg -wraplength $wrap -justify left \
                -text [dict get $q $k]
            grid $fb.$k -sticky w -pady 2
        }
    }
    if {[dict exists $q sources] && [llength [dict get $q sources]]} {
        set notes {}
        foreach sid [dict get $q sources] {
            if {![catch {[course] source $sid} s]} {
                lappend notes [::kiosk::ui::cards::citation $s]
            }
        }
        # Each citation ends with its own full stop: one to a line.
        set text [expr {[llength $notes] == 1
            ? [mc "Source: %s" [lindex $notes 0]]
            : "[mc "Sources:"]\n[join $notes \n]"}]
        if {[llength $notes]} {
            ttk::label $fb.note -background $bg -wraplength $wrap -justify left \
                -style Small.TLabel -text $text
            grid $fb.note -sticky w -pady {6 0}
        }
    }
    grid $f.fb -row 4 -column 0 -sticky ew -padx [Margin $f] -pady 4
    bind $f.fb <Configure> [list ::kiosk::ui::quiz::FeedbackWrap $f %w]
    bind $f.fb <<KioskRestyle>> [list ::kiosk::ui::quiz::FeedbackColors $f]
    grid forget $f.nav.check
    set last [expr {$i + 1 >= [llength [dict get $run questions]]}]
    $f.nav.next configure -text [expr {$last ? [mc "See my results \u2192"] : [mc "Next question \u2192"]}]
    if {[dict exists $q lesson] && [llength [dict get $q lesson]] == 2} {
        grid $f.nav.lesson -row 0 -column 2 -sticky e -padx 4
    }
    grid $f.nav.next -row 0 -column 3 -sticky e -padx 4
    $f.nav.hint configure -text [mc "Press Enter to go on."]
    focus $f.nav.next
}

# The feedback card is WIDTH wide: its texts wrap at its inner width.
proc ::kiosk::ui::quiz::FeedbackWrap {f width} {
    lassign [$f.fb cget -padding] left - right
    if {$right eq ""} { set right $left }
    set inner [expr {max(200, $width - $left - $right - 4)}]
    foreach w [winfo children $f.fb] {
        if {$w ne "$f.fb.verdict" && [winfo class $w] eq "TLabel"} {
            $w configure -wraplength $inner
        }
    }
}

# The palette changed (Contrast): the card's texts take the new panel
# colour (their styles give the text colour).
proc ::kiosk::ui::quiz::FeedbackColors {f} {
    foreach w [winfo children $f.fb] {
        if {[winfo class $w] eq "TLabel"} {
            $w configure -background [::kiosk::ui::theme::color panel]
        }
    }
}

# The next question, or the end.
proc ::kiosk::ui::quiz::Next {f} {
    set run [Run $f]
    SetRun $f shown 0
    set i [expr {[dict get $run i] + 1}]
    if {$i >= [llength [dict get $run questions]]} {
        Finish $f
        return
    }
    SetRun $f i $i
    Ask $f
}

# "Show me in the lesson": the lesson at the question's paragraph; its
# Back button returns here.
proc ::kiosk::ui::quiz::ToLesson {f} {
    variable state
    set run [Run $f]
    set q [lindex [dict get $run questions] [dict get $run i]]
    lassign [dict get $q lesson] stage para
    goto lesson $stage $para -back [list ::kiosk::ui::app::goto quiz -resume $state($f,token)]
}

# Once a second: the time left; at zero the quiz ends.
proc ::kiosk::ui::quiz::Tick {f} {
    set run [Run $f]
    set left [expr {([dict get $run deadline] - [clock milliseconds]) / 1000}]
    if {$left <= 0} {
        toast [mc "Time is up."]
        Finish $f
        return
    }
    $f.top.time configure -text [mc "%d:%02d left" [expr {$left / 60}] [expr {$left % 60}]]
    $f.top.time configure -style [expr {$left < 60 ? "Wrong.TLabel" : "Head.TLabel"}]
    timer $f tick 1000 [list ::kiosk::ui::quiz::Tick $f]
}

# End the run: finish the attempt and show the results.
proc ::kiosk::ui::quiz::Finish {f} {
    variable runs
    variable state
    set token $state($f,token)
    set run $runs($token)
    set items {}
    set scores {}
    foreach q [dict get $run questions] a [dict get $run answers] {
        lappend scores [lindex $a 1]
        lappend items [dict create question $q answer [lindex $a 0] score [lindex $a 1]]
    }
    set rec [records]
    if {$rec ne "" && [dict get $run attempt] ne ""} {
        # The totals of what is stored, by the core.
        try {
            set s [$rec attempt finish [dict get $run attempt]]
        } on error {msg o} {
            unset runs($token)
            Stopped $msg [dict get $o -errorcode] [dict get $o -errorinfo]
            return
        }
        # To the class in the background; the results show at once.
        ::kiosk::ui::classlink::syncSoon
        set t [dict create points [dict get $s score] max [dict get $s max] \
            percent [dict get $s percent] passed [dict get $s passed]]
    } else {
        set t [[course] tally [dict get $run questions] $scores \
            -pass [expr {100.0 * [dict get $run pass]}]]
    }
    set result [dict create title [dict get $run title] \
        stages [dict get $run stages] pack [dict get $run pack] \
        review [dict get $run review] \
        points [dict get $t points] max [dict get $t max] \
        share [expr {[dict get $t percent] / 100.0}] pass [dict get $run pass] \
        passed [dict get $t passed] items $items]
    unset runs($token)
    goto results $result
}

# Back and Escape, on every question: "Leave the quiz?" over the question
# (a second Back or Escape stays). A class quiz (pack) keeps its attempt
# open, to carry on from its intro or "Welcome back"; any other quiz is
# abandoned (the answers given stay recorded).
proc ::kiosk::ui::quiz::Leave {f} {
    if {![winfo exists $f]} { return }
    if {[winfo exists $f.leave]} {
        Stay $f
    } else {
        AskLeave $f
    }
}

# Leave the run now: a class quiz's attempt stays open, any other is
# abandoned.
proc ::kiosk::ui::quiz::Quit {f} {
    variable runs
    variable state
    set token $state($f,token)
    set run $runs($token)
    set rec [records]
    MarkLeft $run
    unset runs($token)
    if {$rec ne "" && [dict get $run attempt] ne "" && [dict get $run pack] eq ""} {
        try {
            $rec attempt abandon [dict get $run attempt]
        } on error {msg o} {
            Stopped $msg [dict get $o -errorcode] [dict get $o -errorinfo]
            return
        }
    }
    goto coursemap [lindex [dict get $run stages] 0]
}

proc ::kiosk::ui::quiz::Forget {f} {
    variable state
    variable runs
    # The screen goes while its run is still on (idle return, lesson link):
    # the time from now on counts against a timed class quiz.
    if {[info exists state($f,token)] && [info exists runs($state($f,token))]} {
        MarkLeft $runs($state($f,token))
    }
    array unset state $f,*
}

# A quiz left on purpose (Back, the idle return): the core notes when
# (attempt leave), so that carrying on later counts the time until then
# (the time away does not count), and, on a kiosk of a class, so that the
# attempt may be carried on at another kiosk once the leaving is on the
# server (doc/class.md): a background sync takes it there. A crash writes
# nothing, and then only the time up to the last answer counts
# (attempt.h). This runs as the screen goes: a failure cannot stop a quiz
# already left, so it is logged for the operator and shown to the student.
proc ::kiosk::ui::quiz::MarkLeft {run} {
    set rec [records]
    if {$rec eq "" || [dict get $run attempt] eq ""} {
        return
    }
    try {
        $rec attempt leave [dict get $run attempt]
    } trap {KIOSK RECORDS FINISHED} {} {
        # Finished meanwhile (time up): nothing to note.
        return
    } on error {msg o} {
        oplog "records: $msg ([dict get $o -errorcode])"
        toast [mc "Your answers so far are saved, but the time you left could not be: %s" $msg]
        return
    }
    ::kiosk::ui::classlink::syncSoon
}

# The student's answer in words, for the results: option texts for
# choice/multi/order, "left: right" pairs for match, else as typed.
proc ::kiosk::ui::quiz::answerText {q answer} {
    switch -- [dict get $q kind] {
        choice - tf - multi - order {
            set opts [dict get $q options]
            set sep [expr {[dict get $q kind] eq "order" ? " \u2192 " : ", "}]
            return [join [lmap i $answer {dict get [lindex $opts $i] text}] $sep]
        }
        match {
            set out {}
            foreach p [dict get $q pairs] a $answer {
                lappend out "[lindex $p 0]: $a"
            }
            return [join $out "; "]
        }
    }
    return $answer
}
