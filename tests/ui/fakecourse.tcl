# fakecourse.tcl: a stand-in for the `kiosk::course` object command, in
# plain Tcl over a course folder's CSV files, for UI tests that need
# questions of every kind with known answers (the real generator decides
# for itself which kinds a stage gets) and for UI work while a binding
# subcommand is not there yet.
#
#   ::fakecourse::create NAME DIR
#
# creates NAME answering the subcommands of doc/tcl-api.md that the UI
# reads: fresh load course stages stage lesson facts fact events figures
# sources source glossary term quiz score close. `quiz` returns the fixed
# questions of ::fakecourse::Questions (one of each kind) for any stage.
# It reads data only; nothing in it is evaluated.

package require csv

namespace eval ::fakecourse {
    variable tables {course stages events figures people organizations places
        initiatives sources glossary countries fact_countries aliases}
    # Per object: data(NAME,TABLE) list of row dicts, lesson(NAME,STAGE).
    variable data
    variable lesson
}

proc ::fakecourse::create {name dir} {
    variable tables
    variable data
    variable lesson
    foreach t $tables {
        set data($name,$t) [ReadCsv [file join $dir $t.csv]]
    }
    foreach f [glob -nocomplain -directory [file join $dir lessons] *.txt] {
        set stage [file rootname [file tail $f]]
        set lesson($name,$stage) [ParseLesson [ReadFile $f]]
    }
    interp alias {} $name {} ::fakecourse::Dispatch $name
    return $name
}

proc ::fakecourse::ReadFile {path} {
    set ch [open $path r]
    fconfigure $ch -encoding utf-8
    set text [read $ch]
    close $ch
    return $text
}

proc ::fakecourse::ReadCsv {path} {
    if {![file exists $path]} { return {} }
    set rows {}
    set lines [split [ReadFile $path] \n]
    set head {}
    set buf ""
    foreach line $lines {
        if {$buf ne ""} { append buf \n $line } else { set buf $line }
        if {![csv::iscomplete $buf]} { continue }
        if {$buf eq ""} { continue }
        set fields [csv::split $buf]
        set buf ""
        if {![llength $head]} { set head $fields ; continue }
        set row {}
        foreach k $head v $fields {
            if {$v ne ""} { dict set row $k $v }
        }
        lappend rows $row
    }
    return $rows
}

# Lesson markup -> list of paragraphs, each a list of run dicts.
proc ::fakecourse::ParseLesson {text} {
    set paras {}
    foreach p [regexp -all -inline {(?:[^\n]+\n?)+} $text] {
        set p [string trim $p]
        if {$p eq ""} { continue }
        set runs {}
        set plain ""
        set i 0
        set n [string length $p]
        while {$i < $n} {
            set c [string index $p $i]
            if {[string range $p $i $i+1] in {"{{" "}}"}} {
                append plain $c
                incr i 2
                continue
            }
            if {$c eq "\{"} {
                set j [string first "\}" $p $i]
                set body [string range $p $i+1 $j-1]
                if {$plain ne ""} {
                    lappend runs [dict create kind text text $plain]
                    set plain ""
                }
                if {[regexp {^(fact|term):([^|]+)\|(.*)$} $body -> kind id shown]} {
                    lappend runs [dict create kind $kind text $shown target $id]
                } elseif {[regexp {^note:(\d+)$} $body -> num]} {
                    lappend runs [dict create kind note text $num target n$num]
                }
                set i [expr {$j + 1}]
                continue
            }
            append plain $c
            incr i
        }
        if {$plain ne ""} { lappend runs [dict create kind text text $plain] }
        lappend paras $runs
    }
    return $paras
}

proc ::fakecourse::Years {kdate} {
    set ys [regexp -all -inline {\d{4}} $kdate]
    if {![llength $ys]} { return {} }
    return [list [lindex $ys 0] [lindex $ys end]]
}

proc ::fakecourse::WithYears {row} {
    foreach k {period date founded} {
        if {[dict exists $row $k]} {
            set ys [Years [dict get $row $k]]
            if {[llength $ys]} {
                dict set row y0 [lindex $ys 0]
                dict set row y1 [lindex $ys 1]
            }
            break
        }
    }
    return $row
}

proc ::fakecourse::Filter {rows args} {
    set out {}
    foreach r $rows {
        set ok 1
        foreach {k v} $args {
            if {$v ne "" && (![dict exists $r $k] || [dict get $r $k] ne $v)} {
                set ok 0
            }
        }
        if {$ok} { lappend out [WithYears $r] }
    }
    return $out
}

proc ::fakecourse::Countries {name id} {
    variable data
    set out {}
    foreach fc $data($name,fact_countries) {
        if {[dict get $fc fact] ne $id} { continue }
        set cn [dict get $fc country]
        foreach c $data($name,countries) {
            if {[dict get $c id] eq $cn} {
                set cn [dict get $c name]
            }
        }
        lappend out [dict create country [dict get $fc country] name $cn \
            role [dict get $fc role]]
    }
    return $out
}

proc ::fakecourse::FactRow {name id} {
    variable data
    foreach {t kind} {events event figures figure people person
        organizations organization places place initiatives initiative} {
        foreach r $data($name,$t) {
            if {[dict get $r id] eq $id} {
                return [list $kind [WithYears $r]]
            }
        }
    }
    return -code error -errorcode [list KIOSK COURSE NOFACT] \
        "no fact \"$id\""
}

proc ::fakecourse::Dispatch {name sub args} {
    variable data
    variable lesson
    switch -- $sub {
        fresh { return 1 }
        load { return {} }
        close { interp alias {} $name {} ; return }
        stages { return [Filter $data($name,stages)] }
        stage {
            set s [lindex [Filter $data($name,stages) id [lindex $args 0]] 0]
            dict set s paras [llength $lesson($name,[lindex $args 0])]
            return $s
        }
        lesson { return $lesson($name,[lindex $args 0]) }
        events {
            set o [dict merge {-stage "" -key ""} $args]
            set rows [Filter $data($name,events) stage [dict get $o -stage] \
                key [dict get $o -key]]
            return [lsort -command ::fakecourse::ByDate $rows]
        }
        figures {
            set o [dict merge {-stage ""} $args]
            set out {}
            foreach r [Filter $data($name,figures) stage [dict get $o -stage]] {
                dict set r countries [Countries $name [dict get $r id]]
                lappend out $r
            }
            return $out
        }
        initiatives {
            set o [dict merge {-stage ""} $args]
            return [Filter $data($name,initiatives) stage [dict get $o -stage]]
        }
        places { return [Filter $data($name,places)] }
        course { return [lindex $data($name,course) 0] }
        countries { return $data($name,countries) }
        facts {
            set o [dict merge {-stage "" -kind ""} $args]
            set out {}
            foreach {t kind nk} {events event title figures figure label
                people person name organizations organization name
                places place name initiatives initiative name} {
                if {[dict get $o -kind] ni [list "" $kind]} { continue }
                foreach r [Filter $data($name,$t) stage [dict get $o -stage]] {
                    set d [dict create id [dict get $r id] kind $kind \
                        stage [dict get $r stage] name [dict get $r $nk]]
                    if {[dict exists $r source]} {
                        dict set d source [dict get $r source]
                    }
                    lappend out $d
                }
            }
            return $out
        }
        fact {
            set id [lindex $args 0]
            lassign [FactRow $name $id] kind row
            dict set row kind $kind
            dict set row countries [Countries $name $id]
            if {[dict exists $row source]} {
                dict set row citation [Dispatch $name source [dict get $row source]]
            }
            foreach s [array names lesson $name,*] {
                set stage [lindex [split $s ,] 1]
                set i 0
                foreach p $lesson($s) {
                    incr i
                    foreach r $p {
                        if {[dict exists $r target] && [dict get $r target] eq $id} {
                            dict set row lesson [list $stage $i]
                            return $row
                        }
                    }
                }
            }
            return $row
        }
        sources { return $data($name,sources) }
        source {
            set id [lindex $args 0]
            if {[string is integer -strict $id]} { set id n$id }
            foreach r $data($name,sources) {
                if {[dict get $r id] eq $id} { return $r }
            }
            return -code error -errorcode {KIOSK COURSE NOSOURCE} \
                "no source \"$id\""
        }
        glossary { return $data($name,glossary) }
        term {
            foreach r $data($name,glossary) {
                if {[dict get $r id] eq [lindex $args 0]} { return $r }
            }
            return -code error -errorcode {KIOSK COURSE NOTERM} \
                "no term \"[lindex $args 0]\""
        }
        quiz {
            set o [dict merge {-stages {}} $args]
            return [Questions [lindex [dict get $o -stages] 0]]
        }
        score { return [Score {*}$args] }
        default {
            return -code error "bad subcommand \"$sub\""
        }
    }
}

proc ::fakecourse::ByDate {a b} {
    return [string compare [dict get $a date] [dict get $b date]]
}

# One question of each kind, with known answers.
proc ::fakecourse::Questions {stage} {
    set common [dict create stage $stage points 1 sources n1 \
        lesson [list $stage 2] explain "Because the lesson says so."]
    set qs {}
    lappend qs [dict merge $common [dict create id fake:choice kind choice \
        topic date prompt "When did Japan decide on the grants?" \
        options {{text 1990 credit 0} {text 1991 credit 1} {text 1992 credit 0}
            {text 1993 credit 0}} answer 1991 facts ev-1991-grants]]
    lappend qs [dict merge $common [dict create id fake:tf kind tf \
        topic truefalse prompt "Japan opened five embassies in the 1990s." \
        options {{text True credit 0} {text False credit 1}} answer False \
        facts fig-embassies-1990s]]
    lappend qs [dict merge $common [dict create id fake:year kind year \
        topic date prompt "In which year did Watanabe visit Kyrgyzstan?" \
        value 1992 tol 0 answer 1992 facts ev-1992-watanabe-visit]]
    lappend qs [dict merge $common [dict create id fake:number kind number \
        topic figure prompt "How many billion USD in grants (1991)?" \
        value 2.5 tol 0.1 unit "billion USD" answer "\$2.5 billion" \
        facts fig-grants-1991]]
    lappend qs [dict merge $common [dict create id fake:text kind text \
        topic person prompt "Which foreign minister visited in 1992? (surname)" \
        accept {Watanabe {Michio Watanabe}} answer Watanabe facts pe-watanabe]]
    lappend qs [dict merge $common [dict create id fake:order kind order \
        topic chronology prompt "Put these in order, earliest first." \
        options {{text "Grants decided" credit 0} {text "Watanabe visit" credit 0}
            {text "Pipeline society founded" credit 0}} order {2 0 1} \
        answer "Pipeline society founded, Grants decided, Watanabe visit" \
        facts {ev-1989-pipeline-society ev-1991-grants ev-1992-watanabe-visit}]]
    lappend qs [dict merge $common [dict create id fake:match kind match \
        topic matching prompt "Match each person to the role." \
        pairs {{Watanabe {Foreign minister}} {Hashimoto {Prime minister}}
            {Rakhmon {President of Tajikistan}}} \
        answer "Watanabe: Foreign minister; Hashimoto: Prime minister; Rakhmon: President of Tajikistan" \
        facts {pe-watanabe pe-hashimoto}]]
    lappend qs [dict merge $common [dict create id fake:multi kind multi \
        topic place prompt "Where did Japan have embassies in the 1990s?" \
        options {{text Kazakhstan credit 0.5} {text Uzbekistan credit 0.5}
            {text Tajikistan credit -1} {text Turkmenistan credit -1}} \
        answer "Kazakhstan, Uzbekistan" facts fig-embassies-1990s]]
    return $qs
}

proc ::fakecourse::Score {q answer} {
    set credit 0.0
    switch -- [dict get $q kind] {
        choice - tf {
            if {[string is integer -strict $answer]} {
                set o [lindex [dict get $q options] $answer]
                if {$o ne ""} { set credit [dict get $o credit] }
            }
        }
        multi {
            foreach i $answer {
                set credit [expr {$credit + [dict get [lindex [dict get $q options] $i] credit]}]
            }
            set credit [expr {max(0.0, min(1.0, $credit))}]
        }
        year - number {
            if {[string is double -strict [string trim $answer]] &&
                abs([string trim $answer] - [dict get $q value]) <= [dict get $q tol]} {
                set credit 1.0
            }
        }
        text {
            foreach a [dict get $q accept] {
                if {[string equal -nocase [string trim $answer] $a]} { set credit 1.0 }
            }
        }
        order {
            if {$answer eq [dict get $q order]} { set credit 1.0 }
        }
        match {
            set rights [lmap p [dict get $q pairs] {lindex $p 1}]
            if {$answer eq $rights} { set credit 1.0 }
        }
    }
    set correct [expr {$credit >= 0.999}]
    return [dict create correct $correct credit $credit \
        points [expr {$credit * [dict get $q points]}] \
        expected [dict get $q answer]]
}
