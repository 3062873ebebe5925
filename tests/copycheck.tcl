# copycheck.tcl: the course text is in our own words. Fails on any run of
# 10 or more consecutive words that a lesson, a fact table or a quiz pack
# shares with the body of the source article.
#
# The article itself is not in the tree: tests/copycheck.sums holds a
# fingerprint of every 10-word run of its body (two CRC-32s of the run,
# after folding, see words below), made once with
#
#     tclsh tests/copycheck.tcl --make /path/to/article-clean.txt
#
# Names the course must spell as the article does (titles of conferences,
# documents and works, longer than a few words) are listed in
# tests/copycheck-allow.txt, one a line; each counts as one word on both
# sides, so a title alone never trips the check but a copied sentence
# around it still does. sources.csv and course.csv are not scanned: they
# are the bibliography, whose titles are quoted as printed on purpose.
#
# Usage: tclsh copycheck.tcl            check (KIOSK_SRCDIR or the tree
#                                       this script is in)
#        tclsh copycheck.tcl --make ARTICLE   rewrite copycheck.sums
# Exit status 0 clean, 1 copied runs found, 2 usage or missing files.

set N 10
set here [file dirname [file normalize [info script]]]
set srcdir [expr {[info exists ::env(KIOSK_SRCDIR)] ? $::env(KIOSK_SRCDIR)
                  : [file dirname $here]}]

proc readText {path} {
    set f [open $path r]
    fconfigure $f -encoding utf-8
    set t [read $f]
    close $f
    return $t
}

# The allowed titles, folded as words are.
proc allowList {} {
    global srcdir
    set out {}
    foreach line [split [readText [file join $srcdir tests copycheck-allow.txt]] \n] {
        set line [string trim $line]
        if {$line eq "" || [string index $line 0] eq "#"} continue
        lappend out [join [words0 $line] " "]
    }
    # longest first, so a title inside a longer one does not split it
    return [lsort -command {apply {{a b} {
        expr {[string length $b] - [string length $a]}}}} $out]
}

# Lower-case words: runs of letters and digits (an apostrophe inside a
# word kept, curly or straight), everything else a separator.
proc words0 {text} {
    set t [string tolower [string map {\u2019 ' \u2018 '} $text]]
    return [regexp -all -inline {[[:alnum:]]+(?:'[[:alnum:]]+)*} $t]
}

# Words with each allowed title made one word.
proc words {text} {
    global allow
    set s " [join [words0 $text] { }] "
    foreach a $allow {
        set s [string map [list " $a " " _title_ "] $s]
        # a title next to another: map again over the shared space
        set s [string map [list " $a " " _title_ "] $s]
    }
    return [regexp -all -inline {\S+} $s]
}

proc key {run} {
    format %08x-%08x [zlib crc32 $run] [zlib crc32 $run 0x5bd1e995]
}

# Lesson markup to plain text: {fact:ID|shown} and {term:ID|shown} keep
# what is shown, {note:N} goes.
proc unmarkup {line} {
    regsub -all {\{note:[0-9]+\}} $line {} line
    regsub -all {\{(?:fact|term):[a-z0-9-]+\|([^{}]*)\}} $line {\1} line
    return $line
}

set allow {}
if {[llength $argv] == 2 && [lindex $argv 0] eq "--make"} {
    set allow [allowList]
    set text [readText [lindex $argv 1]]
    # the body only: the notes are citations
    set cut [string first "\n## Notes" $text]
    if {$cut >= 0} {set text [string range $text 0 $cut]}
    set keys {}
    foreach para [split $text \n] {
        set w [words $para]
        for {set i 0} {$i + $N <= [llength $w]} {incr i} {
            dict set keys [key [join [lrange $w $i [expr {$i+$N-1}]] " "]] 1
        }
    }
    set f [open [file join $here copycheck.sums] w]
    puts $f "# copycheck.sums: fingerprints of the 10-word runs of the source article (tests/copycheck.tcl --make)"
    puts $f [join [lsort [dict keys $keys]] \n]
    close $f
    puts "copycheck: [dict size $keys] runs written"
    exit 0
} elseif {[llength $argv] != 0} {
    puts stderr "usage: tclsh copycheck.tcl ?--make ARTICLE?"
    exit 2
}

if {[catch {
    set allow [allowList]
    set sums {}
    foreach line [split [readText [file join $here copycheck.sums]] \n] {
        if {$line ne "" && [string index $line 0] ne "#"} {dict set sums $line 1}
    }
} msg]} {
    puts stderr "copycheck: $msg"
    exit 2
}
if {[dict size $sums] == 0} {
    puts stderr "copycheck: copycheck.sums is empty"
    exit 2
}

set files [lsort [glob -nocomplain -directory [file join $srcdir data lessons] *.txt]]
foreach f [lsort [glob -nocomplain -directory [file join $srcdir data] *.csv]] {
    if {[file tail $f] ni {sources.csv course.csv}} {lappend files $f}
}
lappend files {*}[lsort [glob -nocomplain -directory [file join $srcdir quizzes] *.gift *.pack]]

set nFail 0
set nLine 0
foreach f $files {
    set ln 0
    foreach line [split [readText $f] \n] {
        incr ln
        incr nLine
        set w [words [unmarkup $line]]
        set last -1
        for {set i 0} {$i + $N <= [llength $w]} {incr i} {
            set run [join [lrange $w $i [expr {$i+$N-1}]] " "]
            if {![dict exists $sums [key $run]]} continue
            # report a long copied run once, from its start
            if {$i > $last} {
                puts stderr "[file join {*}[lrange [file split $f] end-1 end]]:$ln: 10 words shared with the article: \"$run ...\""
                incr nFail
            }
            set last [expr {$i + $N - 1}]
        }
    }
}
if {$nFail} {
    puts stderr "copycheck: $nFail copied runs; rewrite them in our own words"
    exit 1
}
puts "copycheck: [llength $files] files, $nLine lines: 1 passed, 0 failed"
exit 0
