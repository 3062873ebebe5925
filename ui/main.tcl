# main.tcl: the kiosk application's entry point.
#
# Parses the command line, loads Tk, the theme, the screen switcher
# (app.tcl) and every screen (screens/*.tcl), opens the learner records and
# hands over to the "prepare" screen, which opens (and when needed
# rebuilds) the course database. Run by the `kiosk` launcher with tclsh, so
# that --help and --version need no display. It holds no screen logic.
#
# Tests source this file with ::kiosk::ui::main::embed set to 1: it then
# defines its procs without starting, and the test calls
# ::kiosk::ui::main::start ARGV itself. When the environment variable
# KIOSK_TEST_HOOK names a file, that file is sourced once the first screen
# is up; it exists only for the test suites and does nothing otherwise.

package require Tcl 8.6
package require msgcat

namespace eval ::kiosk::ui::main {
    variable uidir [file dirname [file normalize [info script]]]
    if {![info exists embed]} {
        variable embed 0
    }
    # Options as parsed from the command line, with their defaults.
    variable opt
    array set opt {
        course ""
        db ""
        records ""
        windowed 0
    }
    namespace import ::msgcat::mc
}

# The XDG base directory named by env(VAR), else ~/FALLBACK; a relative
# value is ignored, as the XDG Base Directory specification says.
proc ::kiosk::ui::main::XdgDir {var fallback} {
    global env
    if {[info exists env($var)] && $env($var) ne ""
            && [file pathtype $env($var)] eq "absolute"} {
        return $env($var)
    }
    return [file join [file normalize ~] {*}$fallback]
}

# Where the records live by default: data that must be kept.
proc ::kiosk::ui::main::DataHome {} {
    return [file join [XdgDir XDG_DATA_HOME {.local share}] kiosk]
}

# Where the course database lives by default: it is rebuilt from the
# course folder whenever needed, a cache.
proc ::kiosk::ui::main::CacheHome {} {
    return [file join [XdgDir XDG_CACHE_HOME .cache] kiosk]
}

proc ::kiosk::ui::main::Usage {} {
    return [mc "Usage: kiosk \[OPTION...\]

Opens the classroom kiosk on a course.

Options:
  --course DIR     the course folder to teach (default: the bundled course,
                   %s)
  --db FILE        the course database, rebuilt from the course folder
                   whenever its files change (default: %s)
  --records FILE   the learner records database: students, answers, review
                   schedule, installed packs and settings; never rebuilt
                   (default: %s)
  --windowed       run in a normal window, without the kiosk lock
                   (for authors and instructors at their own machine)
  -h, --help       show this help and exit
  --version        print the version and exit

A value may also follow its option after an equals sign: --db=FILE.

Environment:
  XDG_DATA_HOME    where the records live by default (kiosk/ below it;
                   without it, or when it is not an absolute path,
                   ~/.local/share/kiosk)
  XDG_CACHE_HOME   where the course database lives by default (kiosk/
                   below it; without it, or when it is not an absolute
                   path, ~/.cache/kiosk)
  DISPLAY          the X display to open

Exit status:
  0  the instructor left the kiosk, or --help or --version
  1  the kiosk could not start (no display, a missing package or file)
  2  a usage error (an unknown option, a missing value)" \
        [DefaultCourse] [file join [CacheHome] course.db] \
        [file join [DataHome] records.db]]
}

proc ::kiosk::ui::main::DefaultCourse {} {
    global env
    if {[info exists env(KIOSK_COURSEDIR)]} {
        return $env(KIOSK_COURSEDIR)
    }
    variable uidir
    return [file join [file dirname $uidir] data]
}

# Parse argv into opt; returns "" to go on, or an exit status after printing.
proc ::kiosk::ui::main::ParseArgs {argv} {
    variable opt
    while {[llength $argv]} {
        set argv [lassign $argv arg]
        # --db=FILE is --db FILE
        if {[regexp {^(--[a-z]+)=(.*)$} $arg -> name value]} {
            set arg $name
            set argv [linsert $argv 0 $value]
            if {$arg ni {--course --db --records}} {
                puts stderr [mc "kiosk: option %s takes no value" $arg]
                return 2
            }
        }
        switch -- $arg {
            --help - -h {
                puts [Usage]
                return 0
            }
            --version {
                puts "kiosk (Kiosk) $::env(KIOSK_VERSION)"
                puts "Copyright (c) 2026 The Kiosk authors"
                puts "License MIT: <https://opensource.org/licenses/MIT>"
                puts [mc "This is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law."]
                return 0
            }
            --windowed {
                set opt(windowed) 1
            }
            --course - --db - --records {
                if {![llength $argv]} {
                    puts stderr [mc "kiosk: option %s needs a value" $arg]
                    return 2
                }
                set argv [lassign $argv opt([string range $arg 2 end])]
            }
            default {
                puts stderr [mc "kiosk: unknown option \"%s\" (kiosk --help)" $arg]
                return 2
            }
        }
    }
    if {$opt(course) eq ""} { set opt(course) [DefaultCourse] }
    if {$opt(db) eq ""} { set opt(db) [file join [CacheHome] course.db] }
    if {$opt(records) eq ""} { set opt(records) [file join [DataHome] records.db] }
    set opt(course) [file normalize $opt(course)]
    return ""
}

# Load Tk, the theme and the screens. Returns nothing; errors propagate.
proc ::kiosk::ui::main::LoadUi {} {
    variable uidir
    # Tk parses ::argv when it loads: it must not see ours.
    set ::argv {}
    set ::argc 0
    if {[catch {package require Tk 8.6} msg]} {
        return -code error -errorcode {KIOSK DISPLAY} \
            [mc "cannot open display: %s" $msg]
    }
    source [file join $uidir theme.tcl]
    source [file join $uidir app.tcl]
    source [file join $uidir classlink.tcl]
    source [file join $uidir cards.tcl]
    foreach f [lsort [glob -nocomplain -directory [file join $uidir screens] *.tcl]] {
        source $f
    }
    if {[file exists [file join $uidir lock.tcl]]} {
        source [file join $uidir lock.tcl]
    }
}

# Open the learner records; on failure the kiosk still teaches, says so,
# and keeps students for this session only.
proc ::kiosk::ui::main::OpenRecords {} {
    variable opt
    if {[namespace which ::kiosk::records] eq ""} {
        return ""
    }
    set cmd ::kiosk::ui::app::rec
    if {[catch {
        file mkdir [file dirname $opt(records)]
        ::kiosk::records $cmd $opt(records) -defer-backup 1
    } msg opts]} {
        # The terminal (the session's journal) gets every failure: there
        # is no operator log without records.
        ::kiosk::ui::app::oplog "records: $msg ([dict get $opts -errorcode])"
        # A corrupt records file has been moved aside (the message says
        # where to): start a new one, and tell the instructor on the desk.
        if {[lrange [dict get $opts -errorcode] 0 2] eq {KIOSK RECORDS CORRUPT}
                && ![catch {::kiosk::records $cmd $opt(records)} msg2 opts2]} {
            set note [mc "The student records file was damaged and has been set aside; a new one was started. %s" $msg]
            ::kiosk::ui::app::oplog "records: $note" notice
            after idle [list ::kiosk::ui::app::toast $note 20000]
            if {[namespace which ::kiosk::ui::desk::notice] ne ""} {
                ::kiosk::ui::desk::notice $note
            }
            return $cmd
        }
        if {[info exists msg2]} {
            ::kiosk::ui::app::oplog "records: $msg2 ([dict get $opts2 -errorcode])"
            set msg $msg2
        }
        after idle [list ::kiosk::ui::app::toast \
            [mc "Student records are not available: %s" $msg] 10000]
        return ""
    }
    # The backup of the records that opening would make (doc/records.md),
    # once the first screen is up. A failure is the desk's to report.
    after 3000 [list ::kiosk::ui::main::BackupRecords $cmd]
    return $cmd
}

proc ::kiosk::ui::main::BackupRecords {cmd} {
    if {[namespace which $cmd] eq ""} { return }
    try {
        $cmd backup
    } on error {msg o} {
        ::kiosk::ui::app::recordsError "backup: $msg" $o
        ::kiosk::ui::app::toast [mc "The student records could not be backed up: %s" $msg] 10000
    }
}

# Start the application with ARGV. Returns "" when the kiosk runs, or an
# exit status (0 after --help/--version, 2 after a usage error, 1 when the
# kiosk lock cannot be had: no instructor PIN, no records).
proc ::kiosk::ui::main::start {argv} {
    variable uidir
    variable opt
    global env
    ::msgcat::mcload [file join $uidir msgs]
    set status [ParseArgs $argv]
    if {$status ne ""} { return $status }
    if {[info exists env(KIOSK_PKGDIR)]} {
        set ::auto_path [linsert $::auto_path 0 $env(KIOSK_PKGDIR)]
        # Our own index, read directly: `package require` would first read
        # every pkgIndex.tcl on auto_path (tcllib's are many), a third of
        # the start-up time.
        set index [file join $env(KIOSK_PKGDIR) pkgIndex.tcl]
        if {[file readable $index]} {
            apply {{dir index} {source $index}} $env(KIOSK_PKGDIR) $index
        }
    }
    package require kiosk
    LoadUi
    ::kiosk::ui::theme::init
    wm title . [mc "Kiosk"]
    wm minsize . 1000 700
    if {$opt(windowed)} {
        wm geometry . 1280x900
    } else {
        wm attributes . -fullscreen 1
    }
    wm protocol . WM_DELETE_WINDOW ::kiosk::ui::main::quit
    ::kiosk::ui::app::init [array get opt]
    ::kiosk::ui::app::setRecords [OpenRecords]
    if {!$opt(windowed) && [namespace which ::kiosk::ui::lock::start] ne ""} {
        # Locked without a PIN, the first student to ask would choose it.
        set why [::kiosk::ui::lock::refusal]
        if {$why ne ""} {
            puts stderr $why
            return 1
        }
        ::kiosk::ui::lock::start
    }
    ::kiosk::ui::app::goto prepare
    # On a kiosk of a class: sync beside the kiosk, now and every few
    # minutes (doc/class.md); never waited on.
    after 5000 ::kiosk::ui::classlink::start
    if {[info exists env(KIOSK_TEST_HOOK)] && $env(KIOSK_TEST_HOOK) ne ""} {
        after idle [list uplevel #0 [list source $env(KIOSK_TEST_HOOK)]]
    }
    return ""
}

proc ::kiosk::ui::main::quit {} {
    exit 0
}

# A failure to start is one line on stderr, "kiosk: ...", and exit status
# 1; the Tcl stack behind it only with KIOSK_DEBUG set.
if {!$::kiosk::ui::main::embed} {
    if {[catch {::kiosk::ui::main::start $argv} status]} {
        puts stderr "kiosk: $status"
        if {[info exists env(KIOSK_DEBUG)] && $env(KIOSK_DEBUG) ne ""} {
            puts stderr $errorInfo
        }
        exit 1
    }
    if {$status ne ""} { exit $status }
    vwait forever
}
