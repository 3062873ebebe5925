# main.tcl: the kiosk application's entry point.
#
# Parses the command line, opens (and when needed rebuilds) the course
# database, then loads Tk, the theme and the screens. Run by the `kiosk`
# launcher with tclsh, so that --help and --version need no display.
# It holds no screen logic: each screen is a namespace in its own file.

package require Tcl 8.6
package require msgcat

namespace eval ::kiosk::app {
    variable uidir [file dirname [file normalize [info script]]]
    # Options as parsed from the command line, with their defaults.
    variable opt
    array set opt {
        course ""
        db ""
        records ""
        windowed 0
    }
}

proc ::kiosk::app::DataHome {} {
    global env
    if {[info exists env(XDG_DATA_HOME)] && $env(XDG_DATA_HOME) ne ""} {
        return [file join $env(XDG_DATA_HOME) kiosk]
    }
    return [file join [file normalize ~] .local share kiosk]
}

proc ::kiosk::app::Usage {} {
    return [::msgcat::mc "Usage: kiosk \[OPTION...\]

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
  --help           show this help and exit
  --version        print the version and exit

Environment:
  XDG_DATA_HOME    where the databases live by default (kiosk/ below it;
                   without it, ~/.local/share/kiosk)" \
        [DefaultCourse] [file join [DataHome] course.db] \
        [file join [DataHome] records.db]]
}

proc ::kiosk::app::DefaultCourse {} {
    global env
    if {[info exists env(KIOSK_COURSEDIR)]} {
        return $env(KIOSK_COURSEDIR)
    }
    variable uidir
    return [file join [file dirname $uidir] data]
}

# Parse argv into opt; returns "" to go on, or an exit status after printing.
proc ::kiosk::app::ParseArgs {argv} {
    variable opt
    while {[llength $argv]} {
        set argv [lassign $argv arg]
        switch -- $arg {
            --help - -h {
                puts [Usage]
                return 0
            }
            --version {
                puts "kiosk $::env(KIOSK_VERSION)"
                return 0
            }
            --windowed {
                set opt(windowed) 1
            }
            --course - --db - --records {
                if {![llength $argv]} {
                    puts stderr [::msgcat::mc "kiosk: option %s needs a value" $arg]
                    return 2
                }
                set argv [lassign $argv opt([string range $arg 2 end])]
            }
            default {
                puts stderr [::msgcat::mc "kiosk: unknown option \"%s\" (kiosk --help)" $arg]
                return 2
            }
        }
    }
    if {$opt(course) eq ""} { set opt(course) [DefaultCourse] }
    if {$opt(db) eq ""} { set opt(db) [file join [DataHome] course.db] }
    if {$opt(records) eq ""} { set opt(records) [file join [DataHome] records.db] }
    set opt(course) [file normalize $opt(course)]
    return ""
}

# Open the course database, rebuilding it when the course folder changed.
# Returns the course object command; errors carry -errorcode {KIOSK ...}.
proc ::kiosk::app::OpenCourse {} {
    variable opt
    file mkdir [file dirname $opt(db)]
    set db ::kiosk::app::course
    ::kiosk::course $db $opt(db)
    if {![$db fresh $opt(course)]} {
        $db load $opt(course)
    }
    return $db
}

proc ::kiosk::app::Main {argv} {
    variable uidir
    variable opt
    global env
    ::msgcat::mcload [file join $uidir msgs]
    set status [ParseArgs $argv]
    if {$status ne ""} { exit $status }
    if {[info exists env(KIOSK_PKGDIR)]} {
        set ::auto_path [linsert $::auto_path 0 $env(KIOSK_PKGDIR)]
    }
    package require kiosk
    # Tk parses ::argv when it loads: it must not see ours.
    set ::argv {}
    set ::argc 0
    package require Tk 8.6
    source [file join $uidir theme.tcl]
    ::kiosk::ui::theme::init
    wm title . [::msgcat::mc "Kiosk"]
    wm protocol . WM_DELETE_WINDOW ::kiosk::app::Quit
    if {[catch {OpenCourse} msg]} {
        ShowFatal [::msgcat::mc "The course could not be loaded."] $msg
        return
    }
    ShowStages ::kiosk::app::course
}

# A screen that says what went wrong, in full, and offers to quit.
proc ::kiosk::app::ShowFatal {title detail} {
    ttk::frame .fatal -padding 24
    ttk::label .fatal.title -text $title -style Title.TLabel
    ttk::label .fatal.detail -text $detail -wraplength 700 -justify left
    ttk::button .fatal.quit -text [::msgcat::mc "Quit"] -command ::kiosk::app::Quit
    grid .fatal.title -sticky w
    grid .fatal.detail -sticky w -pady 12
    grid .fatal.quit -sticky w
    grid .fatal -sticky nsew
    grid columnconfigure . 0 -weight 1
    grid rowconfigure . 0 -weight 1
    focus .fatal.quit
}

proc ::kiosk::app::ShowStages {db} {
    ttk::frame .stages -padding 24
    ttk::label .stages.title -text [::msgcat::mc "Japan in Central Asia"] \
        -style Title.TLabel
    grid .stages.title -sticky w
    set i 0
    foreach stage [$db stages] {
        ttk::label .stages.s[incr i] \
            -text "[dict get $stage period]  [dict get $stage title]"
        grid .stages.s$i -sticky w
    }
    grid .stages -sticky nsew
}

proc ::kiosk::app::Quit {} {
    exit 0
}

::kiosk::app::Main $argv
vwait forever
