# prepare.tcl: the first screen. Opens the course database and, when the
# course folder changed since it was built (or it was never built),
# rebuilds it while a "preparing the course" screen is up. A broken
# course leads to the error screen with the file:line:column of the fault.
# It holds no course logic: fresh and load are the package's.

namespace eval ::kiosk::ui::prepare {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
}

# show FRAME: open the course. A database that is current opens at once,
# with nothing to paint; otherwise paint the screen, then rebuild.
proc ::kiosk::ui::prepare::show {f} {
    if {[Open $f 0]} return
    ttk::frame $f.box
    ttk::label $f.box.title -text [mc "Preparing the course\u2026"] \
        -style Title.TLabel
    ttk::label $f.box.note -style Muted.TLabel \
        -text [mc "This takes a moment the first time the kiosk starts, or after the course was changed."] \
        -wraplength 700 -justify center
    ttk::progressbar $f.box.bar -mode indeterminate -length 420
    grid $f.box.title -pady 12
    grid $f.box.note -pady 8
    grid $f.box.bar -pady 20
    grid $f.box -row 0 -column 0
    grid rowconfigure $f 0 -weight 1
    grid columnconfigure $f 0 -weight 1
    $f.box.bar start 40
    # Paint first, then work: the load is one call into the package.
    timer $f open 60 [list ::kiosk::ui::prepare::Open $f 1]
}

# Open $f rebuild: open the course database; when it is not current,
# rebuild it if rebuild is 1, else leave it to the caller (returns 0).
# Returns 1 once it has moved on to the attract or the error screen.
proc ::kiosk::ui::prepare::Open {f rebuild} {
    set opt(course) [::kiosk::ui::app::opt course]
    set opt(db) [::kiosk::ui::app::opt db]
    set cmd ::kiosk::ui::app::coursedb
    if {[namespace which $cmd] ne ""} {
        rename $cmd {}
    }
    try {
        file mkdir [file dirname $opt(db)]
        # course.db is derived: one of ours from another version of the
        # kiosk, or damaged, is made anew (then loaded below); any other
        # file is refused by the package and left as it is.
        ::kiosk::course $cmd $opt(db) -rebuild 1
        if {![$cmd fresh $opt(course)]} {
            if {!$rebuild} {
                return 0
            }
            update idletasks
            $cmd load $opt(course)
        }
        ::kiosk::ui::app::setCourse $cmd
    } on error {msg opts} {
        goto error [mc "The course could not be loaded."] $msg \
            [dict get $opts -errorinfo] [dict get $opts -errorcode]
        return 1
    }
    goto attract
    return 1
}
