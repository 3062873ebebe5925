# quizkit.tcl: real questions with known answers for the UI suites, taken
# from the package's course object (`quiz -kinds K`, or a pack through
# `packquiz`), and their right and deliberately wrong answers derived from
# the question dicts themselves (doc/tcl-api.md: options' credit, order,
# pairs, value/tol/min/max, accept). Nothing is hard-coded about the
# course: the generator's wording and choice of facts may change freely.
#
# Sourced by tests/ui/uitest.tcl and by the hook script of records.test
# (inside the launched kiosk), so it needs nothing but Tcl and the course.
#
#   quizkit::pick DB KIND ?-need KEYS? ?-seed S? ?-stages L? ?-not IDS?
#                             one generated question of KIND (the first, over
#                             seeds S, S+1, ..., that has every key in KEYS
#                             and an id not in IDS); an error when none does
#   quizkit::every DB KINDS ?-need {KIND KEYS ...}? ?-seed S?
#                             one question per kind, in KINDS order, with
#                             distinct facts where the course allows
#   quizkit::right Q          the right answer, as `score` takes it
#   quizkit::wrong Q          an answer that scores 0

namespace eval ::quizkit {}

proc ::quizkit::pick {db kind args} {
    set o [dict merge {-need {} -seed 1 -stages {} -not {}} $args]
    set qopts [list -kinds $kind -count 5]
    if {[llength [dict get $o -stages]]} {
        lappend qopts -stages [dict get $o -stages]
    }
    for {set s [dict get $o -seed]} {$s < [dict get $o -seed] + 40} {incr s} {
        foreach q [$db quiz {*}$qopts -seed $s] {
            if {[dict get $q id] in [dict get $o -not]} { continue }
            set ok 1
            foreach k [dict get $o -need] {
                if {![dict exists $q $k] || [dict get $q $k] eq ""} { set ok 0 }
            }
            if {$ok} { return $q }
        }
    }
    error "quizkit: the course has no $kind question with [dict get $o -need]"
}

proc ::quizkit::every {db kinds args} {
    set o [dict merge {-need {} -seed 1} $args]
    set out {}
    set ids {}
    foreach kind $kinds {
        set need {}
        if {[dict exists $o -need $kind]} { set need [dict get $o -need $kind] }
        set q [pick $db $kind -need $need -seed [dict get $o -seed] -not $ids]
        lappend ids [dict get $q id]
        lappend out $q
    }
    return $out
}

# Option indexes of Q with credit above 0 (POSITIVE 1), or not (0).
proc ::quizkit::Options {q positive} {
    set out {}
    set i 0
    foreach opt [dict get $q options] {
        if {([dict get $opt credit] > 0) == $positive} { lappend out $i }
        incr i
    }
    return $out
}

proc ::quizkit::right {q} {
    switch -- [dict get $q kind] {
        choice - tf {
            # The option with the most credit.
            set best 0
            set i 0
            foreach opt [dict get $q options] {
                if {[dict get $opt credit] >
                        [dict get [lindex [dict get $q options] $best] credit]} {
                    set best $i
                }
                incr i
            }
            return $best
        }
        multi { return [Options $q 1] }
        year { return [format %.0f [dict get $q value]] }
        number { return [format %.15g [dict get $q value]] }
        text { return [lindex [dict get $q accept] 0] }
        order { return [dict get $q order] }
        match { return [lmap p [dict get $q pairs] {lindex $p 1}] }
    }
    error "quizkit: no right answer for kind [dict get $q kind]"
}

proc ::quizkit::wrong {q} {
    switch -- [dict get $q kind] {
        choice - tf { return [lindex [Options $q 0] 0] }
        multi { return [Options $q 0] }
        year {
            # Well outside the tolerance, still a 4-digit year.
            set tol [expr {[dict exists $q tol] ? [dict get $q tol] : 0}]
            return [format %.0f [expr {[dict get $q value] - 20 - 2 * $tol}]]
        }
        number {
            set hi [dict get $q value]
            if {[dict exists $q max]} { set hi [dict get $q max] }
            set tol [expr {[dict exists $q tol] ? [dict get $q tol] : 0}]
            return [format %.15g [expr {10 * (abs($hi) + $tol) + 7}]]
        }
        text { return "Nobody in particular" }
        order { return [lreverse [dict get $q order]] }
        match {
            # Every left-hand item given the next one's match.
            set rights [lmap p [dict get $q pairs] {lindex $p 1}]
            return [list {*}[lrange $rights 1 end] [lindex $rights 0]]
        }
    }
    error "quizkit: no wrong answer for kind [dict get $q kind]"
}
