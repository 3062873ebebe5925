# quiz.tcl: (being written) see ui/README.md.

namespace eval ::kiosk::ui::quiz {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
}

proc ::kiosk::ui::quiz::show {f args} {
    header $f -title [mc "Course"] -back [list goto who]
    grid columnconfigure $f 0 -weight 1
}
