# classlink.tcl: the kiosk and its class on PostgreSQL (doc/class.md),
# without libpq in this process. Everything goes through `kioskctl class
# ...`, run beside the kiosk as a subprocess: an argument list (never a
# shell), read without blocking, killed after a time limit. So a slow or
# missing server never stalls a screen, and nothing a student does waits
# on the network: answers are in records.db (and its outbox) before any of
# this runs.
#
#   joined               1 when the records have joined a class
#   run ARGS CMD ?MS?    run kioskctl ARGS; CMD is called later with two
#                        more words: ok (1: exit status 0) and the output
#                        (or why it failed, or that it took too long)
#   syncSoon             a background `class sync`, unless one is running
#   start                sync now and then every class.sync-every seconds
#                        (default 300)
#   last                 the last sync: dict at ok message ("" before one)
#   tsv TEXT             `--format tsv` output as a list of dicts
#
# Not here: what is sent and taken in (the C core, classsync.c); what the
# desk shows (screens/desk.tcl).

namespace eval ::kiosk::ui::classlink {
    namespace import ::msgcat::mc
    namespace export joined run syncSoon start last tsv
    # Per running job, by channel: out (text so far), callback, timer.
    variable jobs
    array set jobs {}
    # 1 while a sync runs; the last sync's outcome; the periodic timer.
    variable syncing 0
    variable lastSync {}
    variable timer ""
    # Seconds between syncs when nothing else triggers one.
    variable every 300
    # Milliseconds a question to the server (run) may take by default.
    variable askMs 15000
}

# The kioskctl to run: $KIOSKCTL (the launcher sets it), else the one on
# PATH; "" when there is none.
proc ::kiosk::ui::classlink::Kioskctl {} {
    global env
    if {[info exists env(KIOSKCTL)] && $env(KIOSKCTL) ne ""
            && [file executable $env(KIOSKCTL)]} {
        return $env(KIOSKCTL)
    }
    set p [auto_execok kioskctl]
    return [expr {[llength $p] == 1 ? [lindex $p 0] : ""}]
}

# 1 when the records have joined a class (the setting class.kiosk).
proc ::kiosk::ui::classlink::joined {} {
    set rec [::kiosk::ui::app::records]
    if {$rec eq ""} { return 0 }
    # Never set: not joined. Unreadable records: said, and taken as not joined.
    set kiosk [::kiosk::ui::app::recordsRead {$rec settings get class.kiosk} "" \
        {{KIOSK RECORDS NOSETTING}}]
    return [expr {$kiosk ne ""}]
}

proc ::kiosk::ui::classlink::run {arglist callback {ms ""}} {
    variable jobs
    variable askMs
    if {$ms eq ""} { set ms $askMs }
    set ctl [Kioskctl]
    if {$ctl eq ""} {
        after idle [list {*}$callback 0 [mc "kioskctl was not found, so the class server cannot be asked."]]
        return
    }
    # A pipeline from a list: no shell ever sees these words.
    if {[catch {open |[list $ctl {*}$arglist 2>@1] r} chan]} {
        after idle [list {*}$callback 0 $chan]
        return
    }
    chan configure $chan -blocking 0 -encoding utf-8 -translation lf
    set jobs($chan) [dict create out "" callback $callback \
        timer [after $ms [list ::kiosk::ui::classlink::Timeout $chan $ms]]]
    chan event $chan readable [list ::kiosk::ui::classlink::Read $chan]
}

proc ::kiosk::ui::classlink::Read {chan} {
    variable jobs
    if {![info exists jobs($chan)]} { return }
    if {[catch {read $chan} data]} { set data "" }
    dict append jobs($chan) out $data
    if {![chan eof $chan]} { return }
    set job $jobs($chan)
    unset jobs($chan)
    after cancel [dict get $job timer]
    # At end of file the child has exited or is exiting: a blocking close
    # reaps it and says how it ended.
    chan event $chan readable {}
    chan configure $chan -blocking 1
    set ok [expr {![catch {close $chan} msg]}]
    set out [string trimright [dict get $job out] \n]
    if {!$ok && $out eq ""} { set out $msg }
    after idle [list {*}[dict get $job callback] $ok $out]
}

proc ::kiosk::ui::classlink::Timeout {chan ms} {
    variable jobs
    if {![info exists jobs($chan)]} { return }
    set job $jobs($chan)
    unset jobs($chan)
    chan event $chan readable {}
    foreach pid [pid $chan] {
        catch {exec kill $pid}
    }
    # Non-blocking: close does not wait for the child (Tcl reaps it).
    catch {close $chan}
    after idle [list {*}[dict get $job callback] 0 \
        [mc "The class server did not answer within %d seconds." [expr {$ms / 1000}]]]
}

# `--format tsv` output: a header line, then rows; values unescaped.
proc ::kiosk::ui::classlink::tsv {text} {
    set lines [split $text \n]
    set head [split [lindex $lines 0] \t]
    set rows {}
    foreach line [lrange $lines 1 end] {
        if {$line eq ""} { continue }
        set row {}
        foreach k $head v [split $line \t] {
            dict set row $k [string map {\\\\ \\ \\t \t \\n \n \\r \r} $v]
        }
        lappend rows $row
    }
    return $rows
}

proc ::kiosk::ui::classlink::syncSoon {} {
    variable syncing
    if {$syncing || ![joined]} { return }
    set syncing 1
    run [list class sync --records [::kiosk::ui::app::opt records]] \
        ::kiosk::ui::classlink::Synced 300000
}

proc ::kiosk::ui::classlink::Synced {ok out} {
    variable syncing
    variable lastSync
    set syncing 0
    set lastSync [dict create at [clock seconds] ok $ok message $out]
    event generate . <<KioskClassSynced>> -when tail
}

proc ::kiosk::ui::classlink::last {} {
    variable lastSync
    return $lastSync
}

proc ::kiosk::ui::classlink::start {} {
    variable timer
    variable every
    after cancel $timer
    set rec [::kiosk::ui::app::records]
    if {$rec ne ""} {
        set s [::kiosk::ui::app::recordsRead {$rec settings get class.sync-every} "" \
            {{KIOSK RECORDS NOSETTING}}]
        if {[string is integer -strict $s] && $s >= 10} { set every $s }
    }
    syncSoon
    set timer [after [expr {$every * 1000}] ::kiosk::ui::classlink::start]
}
