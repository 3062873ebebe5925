# app.tcl: the screen switcher and what every screen shares.
#
#   ::kiosk::ui::app::goto NAME ?ARG ...?
#
# destroys the current screen frame, creates a fresh one and calls
# ::kiosk::ui::NAME::show FRAME ?ARG ...?. Screens reach the course and
# the learner records only through the accessors here (course, records,
# student), and share the header bar, the toast area, screen-wide keys and
# per-widget timers. It holds no screen of its own and never touches SQL.

namespace eval ::kiosk::ui::app {
    namespace export goto course records student setStudent toast oplog key \
        recordsRead recordsError \
        header timer cancel screen exists pref opt busy students addStudent \
        flow wrap wrapText setWrapped
    namespace import ::msgcat::mc
    # Options from the command line (set by main.tcl through init).
    variable opt
    array set opt {course "" db "" records "" windowed 0}
    # State survives this file being sourced again (tests load the UI
    # more than once into one interpreter).
    variable courseCmd
    variable recordsCmd
    variable student
    # The screen on show: its name, its arguments and its frame.
    variable current
    variable frame
    variable serial
    # Screen-wide keys bound on the toplevel by the current screen.
    variable keys
    foreach {var value} {courseCmd "" recordsCmd "" student "" current {}
        frame "" serial 0 keys {}} {
        if {![info exists $var]} { set $var $value }
    }
    # Timers: array key "widget name" -> after id.
    variable timers
    array set timers {}
    # Per-student preferences when no records database is open.
    variable prefs
    array set prefs {}
    # Header title texts in full, by header path.
    variable titles
    array set titles {}
    # wrapped(LABEL): the width (font, text step) wrap last fitted it to.
    variable wrapped
    array set wrapped {}
}

# Remember the options; main.tcl calls this once before the first goto.
proc ::kiosk::ui::app::init {options} {
    variable opt
    array set opt $options
    grid columnconfigure . 0 -weight 1
    grid rowconfigure . 0 -weight 1
    # Idempotent: a test may load the UI before starting it.
    if {![winfo exists .status]} {
        ttk::frame .status -style Status.TFrame
        ttk::label .status.toast -style Toast.TLabel
    }
    if {![winfo exists .view]} {
        # The screen frame lives in this canvas: as wide as the window, at
        # least as high, and higher (scrolled by bar, wheel, touch drag or
        # the keyboard focus) when a big text size on a small display
        # needs more room than the window has.
        canvas .view -highlightthickness 0 -borderwidth 0 -yscrollincrement 1 \
            -background [::kiosk::ui::theme::color bg] \
            -yscrollcommand ::kiosk::ui::app::ViewBar
        ttk::scrollbar .viewbar -orient vertical -command {.view yview}
        bind .view <Configure> ::kiosk::ui::app::ViewFit
        bind .view <<KioskRestyle>> {
            .view configure -background [::kiosk::ui::theme::color bg]
        }
        bind . <FocusIn> {+::kiosk::ui::app::SeeFocus %W}
        # Any widget resized may have changed what the screen asks for.
        bind . <Configure> {+::kiosk::ui::app::ViewSoon}
        bind . <ButtonPress-1> {+::kiosk::ui::app::DragStart %W %Y}
        bind . <B1-Motion> {+::kiosk::ui::app::DragMove %W %Y}
        bind . <MouseWheel> {+::kiosk::ui::app::Wheel %W [expr {%D > 0 ? -1 : 1}]}
        bind . <Button-4> {+::kiosk::ui::app::Wheel %W -1}
        bind . <Button-5> {+::kiosk::ui::app::Wheel %W 1}
        ViewWatch
    }
    grid .view -row 0 -column 0 -sticky nsew
    grid .status -row 1 -column 0 -columnspan 2 -sticky ew
    grid columnconfigure .status 0 -weight 1
    bind all <<KioskBigger>> ::kiosk::ui::app::Bigger
    bind all <<KioskSmaller>> ::kiosk::ui::app::Smaller
    bind all <<KioskContrast>> ::kiosk::ui::app::ToggleContrast
}

# The value of command-line option NAME (course db records windowed).
proc ::kiosk::ui::app::opt {name} {
    variable opt
    return $opt($name)
}

# The course object command (see doc/tcl-api.md), or "" before it opens.
proc ::kiosk::ui::app::course {} {
    variable courseCmd
    return $courseCmd
}

# The records object command (doc/records.md), or "" when unavailable.
proc ::kiosk::ui::app::records {} {
    variable recordsCmd
    return $recordsCmd
}

# The current student's id, or "" when nobody has signed in.
proc ::kiosk::ui::app::student {} {
    variable student
    return $student
}

# Set by main.tcl once the databases are open.
proc ::kiosk::ui::app::setCourse {cmd} {
    variable courseCmd
    set courseCmd $cmd
}

proc ::kiosk::ui::app::setRecords {cmd} {
    variable recordsCmd
    set recordsCmd $cmd
}

# Sign a student in ("" signs out) and apply their text size and theme.
# The colours are the kiosk's own (the desk's `theme` setting) unless the
# student chose otherwise with the Contrast button.
proc ::kiosk::ui::app::setStudent {id} {
    variable student
    set student $id
    if {$id eq ""} {
        ::kiosk::ui::theme::setStep 0
        ::kiosk::ui::theme::setContrast [KioskContrast]
        return
    }
    ::kiosk::ui::theme::setStep [pref textstep 0]
    ::kiosk::ui::theme::setContrast [pref contrast [KioskContrast]]
}

# 1 when the kiosk-wide colours (records setting `theme`) are high
# contrast, else 0 (also without records).
proc ::kiosk::ui::app::KioskContrast {} {
    set rec [records]
    if {$rec eq ""} { return 0 }
    set theme [recordsRead {$rec settings get theme} default]
    return [expr {$theme eq "contrast"}]
}

# A preference of the current student: pref NAME DEFAULT reads,
# pref NAME DEFAULT VALUE writes. Kept in the records database when it is
# open (setting "ui.student.ID.NAME"), else for this session only.
proc ::kiosk::ui::app::pref {name default args} {
    variable student
    variable prefs
    set rec [records]
    set key ui.student.$student.$name
    if {[llength $args]} {
        set value [lindex $args 0]
        if {$student ne ""} {
            set prefs($student,$name) $value
            if {$rec ne ""} {
                try {
                    $rec settings set $key $value
                } on error {msg o} {
                    toast [mc "This choice could not be saved: %s" [recordsError $msg $o]] 10000
                }
            }
        }
        return $value
    }
    if {$student eq ""} { return $default }
    if {[info exists prefs($student,$name)]} {
        return $prefs($student,$name)
    }
    # NOSETTING: never set for this student.
    if {$rec eq ""} { return $default }
    try {
        set v [$rec settings get $key]
    } trap {KIOSK RECORDS NOSETTING} {} {
        return $default
    } on error {msg o} {
        toast [mc "The student records could not be read: %s" [recordsError $msg $o]] 10000
        return $default
    }
    set prefs($student,$name) $v
    return $v
}

# 1 when screen NAME is loaded (its namespace defines show).
proc ::kiosk::ui::app::exists {name} {
    return [expr {[namespace which ::kiosk::ui::${name}::show] ne ""}]
}

# The current screen as {NAME ARG ...}.
proc ::kiosk::ui::app::screen {} {
    variable current
    return $current
}

# Switch to screen NAME: destroy the current frame (its timers go with it),
# make a fresh one, call ::kiosk::ui::NAME::show FRAME ?ARG ...?.
# Returns the new frame. An error in show shows the error screen.
proc ::kiosk::ui::app::goto {name args} {
    variable frame
    variable serial
    variable current
    variable keys
    if {![exists $name]} {
        toast [mc "This part of the kiosk is not available."]
        return ""
    }
    foreach seq $keys {
        bind . $seq {}
    }
    set keys {}
    if {$frame ne "" && [winfo exists $frame]} {
        destroy $frame
    }
    # A new path each time: callbacks queued for the old screen find no
    # widget instead of the new screen's.
    set frame .s[incr serial]
    ttk::frame $frame
    .view delete screen
    .view create window 0 0 -anchor nw -window $frame -tags screen
    .view yview moveto 0
    # The frame is a child of ".", not of the view: what lies below the
    # view (the status bar) stays above it.
    raise .status
    ViewFit
    set current [list $name {*}$args]
    # The frame has the focus unless the screen gives it to one of its
    # widgets: set first, so that the screen's own choice comes later and
    # wins (a focus set before the window is mapped takes effect when it
    # is, the last one set winning; [focus] cannot be asked until then).
    focus $frame
    if {[catch {::kiosk::ui::${name}::show $frame {*}$args} msg opts]} {
        if {$name eq "error"} {
            return -options $opts $msg
        }
        set info [dict get $opts -errorinfo]
        # shown on the error screen, and kept for the operator (a records
        # read that failed while the screen was drawn is one such error)
        oplog "screen $name: $msg ([dict get $opts -errorcode])"
        after idle [list ::kiosk::ui::app::goto error \
            [mc "Something went wrong on this screen."] $msg $info]
        return $frame
    }
    return $frame
}

### The scrolled view of the screen frame (see init).

# Size the screen frame: the view's width, the larger of the view's height
# and the frame's own request; the bar shows when it scrolls.
proc ::kiosk::ui::app::ViewFit {} {
    variable frame
    if {$frame eq "" || ![winfo exists $frame]} { return }
    set w [winfo width .view]
    set h [winfo height .view]
    if {$w <= 1} { set w [winfo reqwidth $frame] }
    if {$h <= 1} { set h [winfo reqheight $frame] }
    set need [expr {max($h, [winfo reqheight $frame])}]
    if {[.view itemcget screen -width] != $w || [.view itemcget screen -height] != $need} {
        .view itemconfigure screen -width $w -height $need
        .view configure -scrollregion [list 0 0 $w $need]
    }
}

# The view's yscrollcommand: the bar only while there is something to
# scroll.
# Once shown, the bar stays for as long as the screen, the window size
# and the text size do: a bar that came and went would change the width,
# so the wrapping, so the height, and could do so for ever (a row of
# buttons that wraps within the bar's width).
proc ::kiosk::ui::app::ViewBar {first last} {
    variable frame
    variable barFor
    .viewbar set $first $last
    set now [list $frame [winfo width .] [winfo height .] \
        [::kiosk::ui::theme::step]]
    if {$first > 0 || $last < 1} {
        if {[winfo manager .viewbar] eq ""} {
            grid .viewbar -row 0 -column 1 -sticky ns
        }
        set barFor $now
    } elseif {[winfo manager .viewbar] ne ""
            && (![info exists barFor] || $barFor ne $now)} {
        grid forget .viewbar
    }
}

namespace eval ::kiosk::ui::app { variable viewSoon "" }

proc ::kiosk::ui::app::ViewSoon {} {
    variable viewSoon
    if {$viewSoon eq ""} {
        set viewSoon [after idle {
            set ::kiosk::ui::app::viewSoon ""
            ::kiosk::ui::app::ViewFit
        }]
    }
}

# A screen's content can grow after it is shown (feedback, a bigger text
# size): the frame's request is compared with its height a few times a
# second (Tk has no event for a changed request).
proc ::kiosk::ui::app::ViewWatch {} {
    ViewFit
    after 250 ::kiosk::ui::app::ViewWatch
}

# 1 when W is inside the screen frame and the view scrolls.
proc ::kiosk::ui::app::InView {w} {
    variable frame
    if {$frame eq "" || ![winfo exists $w]} { return 0 }
    if {$w ne $frame && [string first $frame. $w] != 0} { return 0 }
    return [expr {[winfo reqheight $frame] > [winfo height .view] + 1}]
}

# The keyboard focus went to W: scroll it into sight.
proc ::kiosk::ui::app::SeeFocus {w} {
    variable frame
    if {![InView $w] || $w eq $frame} { return }
    set top [expr {[winfo rooty $w] - [winfo rooty $frame]}]
    set bottom [expr {$top + [winfo height $w]}]
    set total [winfo height $frame]
    set vis [winfo height .view]
    set y0 [.view canvasy 0]
    if {$top < $y0} {
        .view yview moveto [expr {max(0.0, ($top - 16.0) / $total)}]
    } elseif {$bottom > $y0 + $vis} {
        .view yview moveto [expr {min(1.0, ($bottom + 16.0 - $vis) / $total)}]
    }
}

# Touch: a drag on the screen's background or its texts scrolls it
# (widgets that drag or scroll themselves keep their own drags).
namespace eval ::kiosk::ui::app { variable dragY "" }

proc ::kiosk::ui::app::Draggable {w} {
    if {![InView $w]} { return 0 }
    if {[winfo class $w] in {Canvas Text Treeview Listbox TScrollbar Scrollbar
            TScale Scale TEntry Entry TCombobox TSpinbox}} { return 0 }
    return [expr {[bind $w <B1-Motion>] eq ""}]
}

proc ::kiosk::ui::app::DragStart {w y} {
    variable dragY
    set dragY [expr {[Draggable $w] ? $y : ""}]
}

proc ::kiosk::ui::app::DragMove {w y} {
    variable dragY
    if {$dragY eq ""} { return }
    .view yview scroll [expr {$dragY - $y}] units
    set dragY $y
}

proc ::kiosk::ui::app::Wheel {w by} {
    if {![Draggable $w]} { return }
    .view yview scroll [expr {$by * 40}] units
}

# Bind a screen-wide key (a virtual event or key sequence) for the current
# screen only: it is unbound by the next goto. It does not fire while the
# student types in an entry, unless -typing 1.
proc ::kiosk::ui::app::key {seq cmd args} {
    variable keys
    set typing 0
    if {[dict exists $args -typing]} { set typing [dict get $args -typing] }
    if {$seq ni $keys} { lappend keys $seq }
    bind . $seq [list ::kiosk::ui::app::Dispatch $typing $cmd %W]
}

proc ::kiosk::ui::app::Dispatch {typing cmd w} {
    if {!$typing && [Typing $w]} { return }
    uplevel #0 $cmd
    return -code break
}

# 1 when W (the widget a key went to) is a field the student types into.
proc ::kiosk::ui::app::Typing {w} {
    if {$w eq "" || ![winfo exists $w]} { return 0 }
    switch -- [winfo class $w] {
        TEntry - Entry - TSpinbox - Spinbox - TCombobox { return 1 }
        Text { return [expr {[$w cget -state] eq "normal"}] }
    }
    return 0
}

# A timer owned by widget W: runs CMD after MS milliseconds unless W is
# destroyed first or another timer of the same NAME replaces it.
proc ::kiosk::ui::app::timer {w name ms cmd} {
    variable timers
    cancel $w $name
    set timers($w,$name) [after $ms [list ::kiosk::ui::app::Fire $w $name $cmd]]
    if {[lsearch -exact [bind $w <Destroy>] "::kiosk::ui::app::CancelAll %W"] < 0} {
        bind $w <Destroy> +[list ::kiosk::ui::app::CancelAll %W]
    }
}

proc ::kiosk::ui::app::Fire {w name cmd} {
    variable timers
    unset -nocomplain timers($w,$name)
    if {[winfo exists $w]} {
        uplevel #0 $cmd
    }
}

proc ::kiosk::ui::app::cancel {w name} {
    variable timers
    if {[info exists timers($w,$name)]} {
        after cancel $timers($w,$name)
        unset timers($w,$name)
    }
}

proc ::kiosk::ui::app::CancelAll {w} {
    variable timers
    foreach k [array names timers [string map {* \\* ? \\? [ \\[ ] \\]} $w],*] {
        after cancel $timers($k)
        unset timers($k)
    }
}

# Show MSG in the status area for a few seconds, wrapped to the window's
# width (a long error, a path, stays whole on a 1024-wide display).
proc ::kiosk::ui::app::toast {msg {ms 4000}} {
    set width [expr {[winfo width .] > 1 ? [winfo width .] : [winfo screenwidth .]}]
    .status.toast configure -text $msg -justify center \
        -wraplength [expr {max(200, $width - 80)}]
    grid .status.toast -row 0 -column 0 -pady 4
    timer .status toast $ms ::kiosk::ui::app::HideToast
}

# The operator log, for what the teacher or the technician must know
# about (a records write that failed, an error caught on screen): a line
# in the records' log that the desk's Log tab shows, and one on the
# kiosk's standard error (the session's journal) with the UTC time. The
# student sees a message of their own; this one has the details.
proc ::kiosk::ui::app::oplog {msg {kind error}} {
    set t [clock format [clock seconds] -format %Y-%m-%dT%H:%M:%SZ -timezone :UTC]
    # stderr may be gone (a session without a terminal): the records' log,
    # which the desk shows, is the one that counts, and lock::log says so
    # on screen when it cannot be written.
    catch {puts stderr "kiosk $t: $msg"; flush stderr}
    ::kiosk::ui::lock::log $kind $msg
}

# Read something from the records: SCRIPT's result (evaluated in the
# caller), or DEFAULT when it fails. The codes in EXPECTED (errorcode
# prefixes such as {KIOSK RECORDS NOSETTING}) are answers, not failures;
# any other failure is never silent: it goes to the operator log and the
# person at the kiosk is told (a toast), while the screen goes on with the
# default (the lock stays on, a progress bar stays empty).
proc ::kiosk::ui::app::recordsRead {script default {expected {}}} {
    try {
        return [uplevel 1 $script]
    } on error {msg o} {
        set code [dict get $o -errorcode]
        if {[CodeIn $code $expected]} {
            return $default
        }
        recordsError $msg $o
        toast [mc "The student records could not be read: %s" $msg] 10000
        return $default
    }
}

# 1 when error code CODE starts with one of the PREFIXES (lists).
proc ::kiosk::ui::app::CodeIn {code prefixes} {
    foreach e $prefixes {
        if {[lrange $code 0 [expr {[llength $e] - 1}]] eq $e} {
            return 1
        }
    }
    return 0
}

# A records call failed with MSG and return options O (as `try ... on
# error {msg o}` or `catch SCRIPT msg o` give them). A failure of the
# records (a write refused, a full disk, a damaged file, a failed backup)
# goes to the operator log with its error code; a refusal that is the
# person's own to put right (a name already taken, a PIN too short, a
# setting out of range, a roster or pack with errors: the codes below) is
# not a failure and is not logged. Returns MSG, for the caller to show on
# its own screen (in place or as a toast; never a Tk dialog, which the
# kiosk lock would hide). No records error is caught without coming here
# or to recordsRead, quiz::Stopped or lock::log.
proc ::kiosk::ui::app::recordsError {msg o} {
    set code [expr {[dict exists $o -errorcode] ? [dict get $o -errorcode] : "NONE"}]
    if {![CodeIn $code {{KIOSK RECORDS NAME} {KIOSK RECORDS EXISTS}
            {KIOSK RECORDS PIN} {KIOSK RECORDS SETTING} {KIOSK CSV}
            {KIOSK PACK} {KIOSK GIFT} {KIOSK ARG}}]} {
        oplog "records: $msg ($code)"
    }
    return $msg
}

proc ::kiosk::ui::app::HideToast {} {
    grid forget .status.toast
}

# The shared header bar of a screen: a Back button (when -back CMD), the
# title, the student's name, text size and contrast buttons. Returns the
# header frame, gridded in row 0 of PARENT across -span columns; a screen
# may add its own buttons to the frame's column 3 (subframe $header.extra).
proc ::kiosk::ui::app::header {parent args} {
    set o [dict merge {-title "" -back "" -span 1} $args]
    set h $parent.header
    ttk::frame $h -padding {12 8}
    if {[dict get $o -back] ne ""} {
        ttk::button $h.back -text [mc "\u2190 Back"] \
            -command [dict get $o -back]
        grid $h.back -row 0 -column 0 -sticky w -padx {0 12}
        key <<KioskBack>> [dict get $o -back]
    }
    ttk::label $h.title -text [dict get $o -title] -style Head.TLabel
    grid $h.title -row 0 -column 1 -sticky w
    # A long title gets a smaller font, then more lines (FitTitle).
    set ::kiosk::ui::app::titles($h) [dict get $o -title]
    bind $h <Configure> [list ::kiosk::ui::app::FitTitle $h]
    # A new text size changes what fits, not the header's width.
    bind $h <<KioskRestyle>> [list after idle [list ::kiosk::ui::app::FitTitle $h]]
    bind $h <Destroy> +[list unset -nocomplain ::kiosk::ui::app::titles($h)]
    ttk::frame $h.extra
    grid $h.extra -row 0 -column 2 -sticky e -padx 8
    ttk::label $h.who -text [StudentName] -style Small.TLabel
    grid $h.who -row 0 -column 3 -sticky e -padx 8
    ttk::button $h.smaller -text [mc "A\u2212"] -width 0 -style Tool.TButton \
        -command ::kiosk::ui::app::Smaller
    ttk::button $h.bigger -text [mc "A+"] -width 0 -style Tool.TButton \
        -command ::kiosk::ui::app::Bigger
    ttk::button $h.contrast -text [mc "Contrast"] -width 0 -style Tool.TButton \
        -command ::kiosk::ui::app::ToggleContrast
    grid $h.smaller -row 0 -column 4 -padx 2
    grid $h.bigger -row 0 -column 5 -padx 2
    grid $h.contrast -row 0 -column 6 -padx {2 0}
    grid columnconfigure $h 1 -weight 1
    grid $h -row 0 -column 0 -columnspan [dict get $o -span] -sticky ew
    ttk::separator $parent.headsep
    grid $parent.headsep -row 1 -column 0 -columnspan [dict get $o -span] \
        -sticky ew
    return $h
}

# Fit the header title into what the other header widgets leave: in the
# heading font when it fits, else in the bold body font, else that font
# wrapped onto more lines. Nothing of it is cut.
proc ::kiosk::ui::app::FitTitle {h} {
    variable titles
    if {![info exists titles($h)] || ![winfo exists $h.title]} { return }
    set room [winfo width $h]
    if {$room <= 1} { return }
    lassign [$h cget -padding] left - right
    if {$right eq ""} { set right $left }
    set room [expr {$room - $left - $right}]
    foreach w [grid slaves $h] {
        if {$w ne "$h.title"} {
            incr room -[expr {[winfo reqwidth $w] + 16}]
        }
    }
    set room [expr {$room - 8}]
    set text $titles($h)
    # Too little room beside the buttons (large text on a small display):
    # the title goes on a line of its own below them.
    set row [expr {$room < 240 && [font measure KioskBold $text] > $room}]
    if {$row} {
        set room [expr {[winfo width $h] - $left - $right - 8}]
    }
    set info [grid info $h.title]
    if {[dict get $info -row] != $row} {
        if {$row} {
            grid $h.title -row 1 -column 0 -columnspan 7 -sticky w -pady {4 0}
        } else {
            grid $h.title -row 0 -column 1 -columnspan 1 -sticky w -pady 0
        }
    }
    set room [expr {max(60, $room)}]
    set font KioskHead
    set wrap 0
    if {[font measure $font $text] > $room} {
        set font KioskBold
        if {[font measure $font $text] > $room} {
            set wrap $room
        }
    }
    if {[$h.title cget -text] ne $text || [$h.title cget -font] ne $font
            || [$h.title cget -wraplength] != $wrap} {
        $h.title configure -text $text -font $font -wraplength $wrap \
            -justify left
    }
}

# The display name of the current student, or "".
proc ::kiosk::ui::app::StudentName {} {
    variable student
    if {$student eq ""} { return "" }
    foreach s [students] {
        if {[dict get $s id] eq $student} { return [dict get $s name] }
    }
    return ""
}

proc ::kiosk::ui::app::Bigger {} {
    pref textstep 0 [::kiosk::ui::theme::bigger]
}

proc ::kiosk::ui::app::Smaller {} {
    pref textstep 0 [::kiosk::ui::theme::smaller]
}

proc ::kiosk::ui::app::ToggleContrast {} {
    pref contrast 0 [::kiosk::ui::theme::setContrast \
        [expr {![::kiosk::ui::theme::contrast]}]]
}

# Lay out the children of frame W (in creation order) left to right,
# wrapping to a new row when the next one does not fit: a row of buttons
# that holds at every width and text size. Returns W. Grid W with -sticky
# ew: it asks only for its widest child's width.
proc ::kiosk::ui::app::flow {w {pad 12}} {
    bind $w <Configure> [list ::kiosk::ui::app::Flow $w $pad %w]
    # A new text size changes the buttons, not the frame's width.
    bind $w <<KioskRestyle>> [list after idle [list ::kiosk::ui::app::Reflow $w $pad]]
    Flow $w $pad [winfo reqwidth $w]
    return $w
}

proc ::kiosk::ui::app::Reflow {w pad} {
    if {[winfo exists $w]} { Flow $w $pad [winfo width $w] }
}

# Each row is laid out on its own (placed, not gridded: grid would line
# the rows up in shared columns, as wide as the widest of each). The frame
# asks for the widest child's width, so it never forces its parent wider,
# and for the height of its rows.
proc ::kiosk::ui::app::Flow {w pad width} {
    if {![winfo exists $w]} { return }
    # A ttk frame's padding: place measures from inside it.
    set padding [expr {[winfo class $w] eq "TFrame" ? [$w cget -padding] : 0}]
    lassign [concat $padding 0 0 0 0] pl pt pr pb
    if {[llength $padding] < 2} { set pt $pl }
    if {[llength $padding] < 3} { set pr $pl }
    if {[llength $padding] < 4} { set pb $pt }
    if {$width <= 1} { set width 100000 }
    set width [expr {$width - $pl - $pr}]
    set x 0
    set y 0
    set rowh 0
    set widest 1
    foreach c [winfo children $w] {
        set cw [winfo reqwidth $c]
        set ch [winfo reqheight $c]
        set widest [expr {max($widest, $cw)}]
        if {$x > 0 && $x + $cw > $width} {
            incr y [expr {$rowh + 6}]
            set x 0
            set rowh 0
        }
        place $c -x $x -y [expr {$y + 3}]
        incr x [expr {$cw + $pad}]
        set rowh [expr {max($rowh, $ch)}]
    }
    set h [expr {$y + $rowh + 6 + $pt + $pb}]
    set widest [expr {$widest + $pl + $pr}]
    if {[$w cget -height] != $h || [$w cget -width] != $widest} {
        $w configure -height $h -width $widest
    }
}

# Let label W's -wraplength follow its own width less PAD: grid it with
# -sticky ew (or pack it -fill x) in a column that can shrink, and it
# wraps at whatever room it is given. Returns W.
proc ::kiosk::ui::app::wrap {w {pad 0}} {
    bind $w <Configure> [list ::kiosk::ui::app::Wrap $w $pad %w]
    return $w
}

proc ::kiosk::ui::app::Wrap {w pad width} {
    variable wrapped
    if {$width <= 1 || ![winfo exists $w]} { return }
    # Done for this width (a new text size redoes it: the width changes,
    # or the font does and so the request).
    set key [list $width [$w cget -font] [::kiosk::ui::theme::step]]
    if {[info exists wrapped($w)] && $wrapped($w) eq $key} { return }
    if {![info exists wrapped($w)]} {
        bind $w <Destroy> +[list unset -nocomplain ::kiosk::ui::app::wrapped($w) \
            ::kiosk::ui::app::sources($w) ::kiosk::ui::app::shown($w)]
    }
    set wrapped($w) $key
    # Less the label's own padding and border, which it asks for too: from
    # its style, not from what it asks for now (a short text asks for
    # little; the longer one set later must fit as well).
    set room [expr {max(40, $width - $pad - [Chrome $w])}]
    # The text as the screen set it, kept to wrap again at another width.
    variable sources
    variable shown
    if {![info exists shown($w)] || $shown($w) ne [$w cget -text]} {
        set sources($w) [$w cget -text]
    }
    set font [LabelFont $w]
    # Narrower until the label fits: what it asks for beyond its width is
    # chrome that the style did not say, or a word longer than a line (a
    # deep folder's path), which Tk does not break: that word is then cut
    # where it must be (wrapText).
    for {set try 0} {$try < 4} {incr try} {
        set text $sources($w)
        foreach word [regexp -all -inline {\S+} $text] {
            if {[font measure $font $word] > $room} {
                set text [wrapText $text $font $room]
                break
            }
        }
        set shown($w) $text
        if {[$w cget -text] ne $text} { $w configure -text $text }
        $w configure -wraplength $room
        set over [expr {[winfo reqwidth $w] - $width + $pad}]
        if {$over <= 0 || $room <= 40} { break }
        set room [expr {max(40, $room - $over)}]
    }
}

# A new TEXT for label W under `wrap`, wrapped at once to its width.
proc ::kiosk::ui::app::setWrapped {w text} {
    variable wrapped
    $w configure -text $text
    unset -nocomplain wrapped($w)
    if {[winfo width $w] > 1} {
        Wrap $w [lindex [bind $w <Configure>] 2] [winfo width $w]
    }
}

# The font label W draws in.
proc ::kiosk::ui::app::LabelFont {w} {
    set font [$w cget -font]
    if {$font eq "" && [winfo class $w] eq "TLabel"} {
        set style [$w cget -style]
        set font [ttk::style lookup [expr {$style eq "" ? "TLabel" : $style}] -font]
    }
    return [expr {$font eq "" ? "TkDefaultFont" : $font}]
}

# The width label W takes beside its text: borders and padding, left and
# right.
proc ::kiosk::ui::app::Chrome {w} {
    if {[winfo class $w] ne "TLabel"} {
        set b 0
        foreach o {-borderwidth -highlightthickness -padx} {
            if {![catch {$w cget $o} v] && [string is double -strict $v]} {
                set b [expr {$b + 2 * $v}]
            }
        }
        return [expr {int(ceil($b))}]
    }
    set style [$w cget -style]
    if {$style eq ""} { set style TLabel }
    set pad [$w cget -padding]
    if {$pad eq ""} { set pad [ttk::style lookup $style -padding] }
    # -padding is 1 to 4 values: left, top, right, bottom.
    lassign [concat $pad $pad $pad $pad] l t r
    set bw [ttk::style lookup $style -borderwidth]
    if {![string is double -strict $bw]} { set bw 0 }
    set sum 0
    foreach v [list $l $r $bw $bw] {
        if {![catch {winfo pixels $w $v} px]} { incr sum $px }
    }
    return $sum
}

# TEXT broken into lines of at most WIDTH pixels in FONT, at spaces and
# after hyphens (a word longer than a line is broken where it must): for
# texts that cannot wrap themselves (button labels, list cells).
proc ::kiosk::ui::app::wrapText {text font width} {
    set lines {}
    foreach para [split $text \n] {
        # A line that fits stays as it is; an indented one keeps its
        # indent on each of its lines.
        if {[font measure $font $para] <= $width} {
            lappend lines $para
            continue
        }
        regexp {^ *} $para indent
        # The pieces: words, and the parts of a hyphenated word (joined
        # without a space).
        set pieces {}
        foreach w [regexp -all -inline {\S+} $para] {
            set sep " "
            foreach part [regexp -all -inline {[^-]+-?|-+} $w] {
                lappend pieces $sep $part
                set sep ""
            }
        }
        set line ""
        foreach {sep word} $pieces {
            if {$line eq ""} { set word $indent$word }
            set try [expr {$line eq "" ? $word : "$line$sep$word"}]
            if {$line eq "" || [font measure $font $try] <= $width} {
                set line $try
            } else {
                lappend lines $line
                set line $indent$word
            }
            # A word longer than a whole line: cut where it must be.
            while {[font measure $font $line] > $width && [string length $line] > 1} {
                set n [string length $line]
                while {$n > 1 && [font measure $font [string range $line 0 $n-1]] > $width} {
                    incr n -1
                }
                lappend lines [string range $line 0 $n-1]
                set line [string range $line $n end]
            }
        }
        lappend lines $line
    }
    return [join $lines \n]
}

# Run CMD with a busy cursor; the window repaints first.
proc ::kiosk::ui::app::busy {cmd} {
    . configure -cursor watch
    update idletasks
    try {
        uplevel #0 $cmd
    } finally {
        . configure -cursor {}
    }
}

### Students. The records database holds them; without one (records
### unavailable) the kiosk keeps a session-only list so it stays usable.

namespace eval ::kiosk::ui::app {
    variable sessionStudents {}
}

# List of student dicts (id name), in the order to show them.
proc ::kiosk::ui::app::students {} {
    variable sessionStudents
    set rec [records]
    if {$rec ne ""} {
        return [$rec students]
    }
    return $sessionStudents
}

# Add a student by NAME; returns the new id.
proc ::kiosk::ui::app::addStudent {name} {
    variable sessionStudents
    set rec [records]
    if {$rec ne ""} {
        return [$rec student add $name]
    }
    set id s[expr {[llength $sessionStudents] + 1}]
    lappend sessionStudents [dict create id $id name $name]
    return $id
}
