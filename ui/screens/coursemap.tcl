# coursemap.tcl: (being written) see ui/README.md.

namespace eval ::kiosk::ui::coursemap {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
}

proc ::kiosk::ui::coursemap::show {f args} {
    header $f -title [mc "Course"] -back [list goto who]
    grid columnconfigure $f 0 -weight 1
}
