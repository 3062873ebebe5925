# prepare.tcl: the first screen. Opens the course database and, when the
# course folder changed since it was built (or it was never built),
# rebuilds it while a "preparing the course" screen is up. A broken
# course leads to the error screen with the file:line:column of the fault.
# It holds no course logic: fresh and load are the package's.

namespace eval ::kiosk::ui::prepare {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
}

# show FRAME: paint the screen, then open the course once it is visible.
proc ::kiosk::ui::prepare::show {f} {
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
    timer $f open 60 [list ::kiosk::ui::prepare::Open $f]
}

proc ::kiosk::ui::prepare::Open {f} {
    set opt(course) [::kiosk::ui::app::opt course]
    set opt(db) [::kiosk::ui::app::opt db]
    set cmd ::kiosk::ui::app::coursedb
    if {[namespace which $cmd] ne ""} {
        rename $cmd {}
    }
    try {
        file mkdir [file dirname $opt(db)]
        ::kiosk::course $cmd $opt(db)
        if {![$cmd fresh $opt(course)]} {
            update idletasks
            $cmd load $opt(course)
        }
        ::kiosk::ui::app::setCourse $cmd
    } on error {msg opts} {
        goto error [mc "The course could not be loaded."] $msg \
            [dict get $opts -errorinfo] [dict get $opts -errorcode]
        return
    }
    goto attract
}
