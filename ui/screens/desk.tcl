# desk.tcl: the instructor desk, behind the instructor PIN (screens/pin.tcl
# unlocks it; leaving it or the idle timeout locks it again). Five tabs:
#
#   Packs      install a quiz pack from a file (every error shown as
#              file:line:column: message), make one active, remove one
#   Students   the roster: add, rename, remove (keeping or deleting their
#              records, as the instructor chooses)
#   Results    class results per pack and per student, each attempt, and
#              the export of every answer to CSV
#   Questions  item analysis: for each question the share answered right
#              and how often each wrong option (or wrong typed answer) was
#              picked
#   Settings   idle timeout, kiosk lock, colour theme, the PIN, a backup,
#              leaving the kiosk
#   Log        the operator log: wrong PINs, desk openings, leaving the
#              kiosk, errors caught on screen, refused dialogs (newest
#              first)
#   Class      only on a kiosk that joined a class (doc/class.md): the
#              whole class's results, roster and packs from the server,
#              asked through `kioskctl class ... --format tsv` beside the
#              kiosk (classlink.tcl) with a time limit; offline, it says
#              so and the rest of the desk works as ever
#
# All of it goes through the records object (doc/records.md) and, for
# packs, kiosk::pack; nothing here writes SQL or evaluates a pack.

namespace eval ::kiosk::ui::desk {
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::*
    namespace export unlock lock
    # 1 between a right PIN and leaving the desk.
    variable unlocked 0
    # Per frame: group (results by pack|student), filter (items filter
    # value), removing (student id being removed), itemFilters (label ->
    # option list).
    variable state
    # Messages worth the instructor's attention (a corrupt records file
    # moved aside at start...), shown on the Settings tab.
    variable notices {}
    # wraps(TREE): the columns WrapColumn wraps; cells(TREE,ITEM,COL): a
    # wrapped cell's own text and what was shown for it.
    variable wraps
    variable cells
}

# The PIN screen calls this on a right PIN; lock undoes it.
proc ::kiosk::ui::desk::unlock {} {
    variable unlocked
    set unlocked 1
}

proc ::kiosk::ui::desk::lock {} {
    variable unlocked
    set unlocked 0
}

# Add a notice for the Settings tab (main.tcl or the records code may).
proc ::kiosk::ui::desk::notice {msg} {
    variable notices
    lappend notices $msg
}

# show FRAME ?TAB?: TAB is packs, students, results, items, settings, log
# or class (when the kiosk joined a class).
proc ::kiosk::ui::desk::show {f {tab packs}} {
    variable unlocked
    variable state
    if {!$unlocked} {
        # Never shown without the PIN, however it was reached.
        after idle [list ::kiosk::ui::app::goto pin desk]
        return
    }
    bind $f <Destroy> +[list ::kiosk::ui::desk::Forget %W]
    header $f -title [mc "Instructor desk"] -back ::kiosk::ui::desk::Close
    set rec [records]
    if {$rec eq ""} {
        ttk::label $f.none -style Wrong.TLabel -text \
            [mc "The student records are not available."]
        grid $f.none -row 2 -column 0 -pady 40
        return
    }
    DeskFonts
    bind $f <<KioskRestyle>> +::kiosk::ui::desk::DeskFonts
    ttk::notebook $f.nb -padding 8
    grid $f.nb -row 2 -column 0 -sticky nsew -padx 12 -pady 8
    grid columnconfigure $f 0 -weight 1
    grid rowconfigure $f 2 -weight 1
    set tabs [list packs [mc "Packs"] students [mc "Students"] \
        results [mc "Results"] items [mc "Questions"] \
        settings [mc "Settings"] log [mc "Log"]]
    if {[::kiosk::ui::classlink::joined]} {
        lappend tabs class [mc "Class"]
    }
    foreach {name label} $tabs {
        ttk::frame $f.nb.$name -padding 12
        $f.nb add $f.nb.$name -text $label
        [string totitle $name]Tab $f $f.nb.$name
    }
    if {$tab ni [dict keys $tabs]} { set tab packs }
    $f.nb select $f.nb.$tab
    ttk::notebook::enableTraversal $f.nb
    focus $f.nb
}

# The lists' fonts: the small font, and its bold for the headings (the
# lists hold many columns), again at each new text size.
proc ::kiosk::ui::desk::DeskFonts {} {
    set size [font actual KioskSmall -size]
    set family [font actual KioskSmall -family]
    if {"KioskDeskHead" ni [font names]} {
        font create KioskDeskHead -family $family -size $size -weight bold
    } else {
        font configure KioskDeskHead -family $family -size $size -weight bold
    }
    set rh [expr {[font metrics KioskSmall -linespace] + 8}]
    if {[ttk::style configure Desk.Treeview -rowheight] ne $rh} {
        ttk::style configure Desk.Treeview -font KioskSmall -rowheight $rh
        ttk::style configure Desk.Treeview.Heading -font KioskDeskHead
    }
}

proc ::kiosk::ui::desk::Close {} {
    lock
    goto attract
}

proc ::kiosk::ui::desk::Forget {f} {
    variable state
    array unset state $f,*
}

# A treeview with a vertical scrollbar in PARENT at grid ROW; COLUMNS is a
# list of {id heading width ?anchor?}. Returns the treeview.
proc ::kiosk::ui::desk::Table {parent row columns {show headings}} {
    set t $parent.t$row
    set ids [lmap c $columns {lindex $c 0}]
    ttk::treeview $t -columns $ids -show $show -style Desk.Treeview \
        -selectmode browse -yscrollcommand [list $parent.s$row set] -height 8
    ttk::scrollbar $parent.s$row -orient vertical -command [list $t yview]
    # Widths are given for the normal text size: they grow with the text,
    # and never leave the heading cut.
    set scale [expr {max(1.0, [font metrics KioskSmall -linespace] / 17.0)}]
    foreach c $columns {
        lassign $c id heading width anchor
        if {$anchor eq ""} { set anchor w }
        set width [expr {max(int($width * $scale),
            [font measure KioskDeskHead $heading] + 28)}]
        $t heading $id -text $heading -anchor $anchor
        $t column $id -width $width -anchor $anchor -stretch [expr {$anchor eq "w"}]
    }
    # Columns of words wrap, columns of numbers fit their widest: the
    # list is never wider than its room (Rewrap).
    set words [lmap c $columns {
        expr {[lindex $c 3] in {"" w} ? [lindex $c 0] : [continue]}
    }]
    if {"tree" in $show} { set words [linsert $words 0 #0] }
    WrapColumn $t {*}$words
    grid $t -row $row -column 0 -sticky nsew
    grid $parent.s$row -row $row -column 1 -sticky ns
    grid rowconfigure $parent $row -weight 1
    grid columnconfigure $parent 0 -weight 1
    return $t
}

# Columns COLS of treeview T (#0: the tree's own) show a long text (a
# name, a question) on more lines instead of cutting it, and share what
# the other columns, sized to their contents, leave of T's width: the tree
# gets a style of its own whose row height is that of the most lines a
# cell needs. The fill procs call Rewrap after filling.
proc ::kiosk::ui::desk::WrapColumn {t args} {
    variable wraps
    set wraps($t) $args
    $t configure -style [string map {. ""} $t].Desk.Treeview
    foreach ev {<Configure> <<KioskRestyle>>} {
        bind $t $ev [list ::kiosk::ui::app::timer $t rewrap 30 \
            [list ::kiosk::ui::desk::Rewrap $t]]
    }
    bind $t <Destroy> +[list ::kiosk::ui::desk::Unwrap $t]
    return $t
}

proc ::kiosk::ui::desk::Unwrap {t} {
    variable wraps
    variable cells
    unset -nocomplain wraps($t)
    array unset cells [string map {* \\* ? \\? [ \\[ ] \\]} $t],*
}

# Show (ON 1) or hide list T's horizontal scroll bar.
proc ::kiosk::ui::desk::XBar {t on} {
    if {![winfo exists $t.x]} {
        ttk::scrollbar $t.x -orient horizontal -command [list $t xview]
        $t configure -xscrollcommand [list $t.x set]
    }
    set shown [expr {[winfo manager $t.x] ne ""}]
    if {$on && !$shown} {
        $t configure -padding [list 0 0 0 [winfo reqheight $t.x]]
        place $t.x -relx 0 -rely 1 -relwidth 1 -anchor sw
    } elseif {!$on && $shown} {
        place forget $t.x
        $t configure -padding 0
    }
}

# Every item of T, depth first.
proc ::kiosk::ui::desk::Items {t {parent {}}} {
    set out {}
    foreach i [$t children $parent] {
        lappend out $i {*}[Items $t $i]
    }
    return $out
}

# Size and wrap T's columns to its width now. A cell's own text is kept in
# cells(T,ITEM,COL) with what was shown for it: a cell showing anything
# else was filled anew.
proc ::kiosk::ui::desk::Rewrap {t} {
    variable wraps
    variable cells
    if {![winfo exists $t] || ![info exists wraps($t)]} { return }
    set font [ttk::style lookup Desk.Treeview -font]
    if {$font eq ""} { set font KioskSmall }
    set hfont [ttk::style lookup Desk.Treeview.Heading -font]
    if {$hfont eq ""} { set hfont $font }
    set columns [$t cget -columns]
    set shown $columns
    if {"tree" in [$t cget -show]} { set shown [linsert $shown 0 #0] }
    set items [Items $t]
    # Each cell's own text.
    set own {}
    foreach item $items {
        set values [$t item $item -values]
        foreach col $shown {
            if {$col eq "#0"} {
                set text [$t item $item -text]
            } else {
                set text [lindex $values [lsearch -exact $columns $col]]
            }
            set key $t,$item,$col
            if {$col in $wraps($t)} {
                if {![info exists cells($key)] || [lindex $cells($key) 1] ne $text} {
                    set cells($key) [list $text $text]
                }
                set text [lindex $cells($key) 0]
            }
            dict set own $item $col $text
        }
    }
    # Columns of numbers as wide as their widest; the rest shared out.
    set room [expr {[winfo width $t] - 4}]
    if {$room < 50} { set room [winfo reqwidth $t] }
    set nwrap 0
    foreach col $shown {
        set need($col) [expr {[font measure $hfont [$t heading $col -text]] + 16}]
        if {$col in $wraps($t)} {
            incr nwrap
            continue
        }
        foreach item $items {
            set need($col) [expr {max($need($col),
                [font measure $font [dict get $own $item $col]] + 16)}]
        }
        incr room -$need($col)
    }
    set wrapw [expr {$nwrap ? max(0, $room) / $nwrap : 0}]
    set total 0
    foreach col $shown {
        set width $need($col)
        if {$col in $wraps($t)} {
            set width [expr {max($need($col), $wrapw)}]
        }
        $t column $col -width $width -minwidth 20 -stretch 0
        incr total $width
    }
    # Still too wide (very large text on a small display): a scroll bar
    # across the foot of the list, in room it keeps for it.
    XBar $t [expr {$total > [winfo width $t] - 4 && [winfo width $t] > 50}]
    # The text of the wrapped columns, on as many lines as it takes.
    set lines 1
    foreach item $items {
        set values [$t item $item -values]
        if {[llength $values]} {
            while {[llength $values] < [llength $columns]} { lappend values "" }
        }
        foreach col $wraps($t) {
            set key $t,$item,$col
            set text [::kiosk::ui::app::wrapText [lindex $cells($key) 0] $font \
                [expr {[$t column $col -width] - 16}]]
            lset cells($key) 1 $text
            if {$col eq "#0"} {
                $t item $item -text $text
            } else {
                lset values [lsearch -exact $columns $col] $text
            }
            set lines [expr {max($lines, [llength [split $text \n]])}]
        }
        if {[llength $values]} {
            $t item $item -values $values
        }
    }
    # A style change restyles every ttk widget: only when it is one.
    set rh [expr {$lines * [font metrics $font -linespace] + 8}]
    if {[ttk::style configure [$t cget -style] -rowheight] ne $rh} {
        ttk::style configure [$t cget -style] -rowheight $rh
    }
}

# An ISO 8601 UTC time of the records ("2026-11-28T05:05:44Z") in local
# time, as "28 Nov 2026, 14:05"; anything else as it is.
proc ::kiosk::ui::desk::When {iso} {
    if {[catch {clock scan $iso -format %Y-%m-%dT%H:%M:%SZ -timezone :UTC} t]} {
        return $iso
    }
    return [clock format $t -format "%d %b %Y, %H:%M"]
}

proc ::kiosk::ui::desk::Percent {x} {
    if {$x eq ""} { return "" }
    return [format %.0f%% [expr {100.0 * $x}]]
}

### Packs

proc ::kiosk::ui::desk::PacksTab {f w} {
    ttk::label $w.intro -wraplength 1000 -justify left -text \
        [mc "A quiz pack is a text file an instructor writes. Install one to keep it on this kiosk; the active pack is the one students are offered."]
    grid $w.intro -row 0 -column 0 -columnspan 2 -sticky ew -pady {0 8}
    wrap $w.intro
    set t [Table $w 1 [list [list id [mc "Pack"] 160] [list title [mc "Title"] 360] \
        [list installed [mc "Installed"] 200] [list active [mc "Active"] 80 center]]]
    ttk::frame $w.buttons
    ttk::button $w.buttons.install -text [mc "Install a pack\u2026"] \
        -style Accent.TButton -command [list ::kiosk::ui::desk::PickPack $f]
    ttk::button $w.buttons.activate -text [mc "Make active"] \
        -command [list ::kiosk::ui::desk::Activate $f 1]
    ttk::button $w.buttons.none -text [mc "No active pack"] \
        -command [list ::kiosk::ui::desk::Activate $f 0]
    ttk::button $w.buttons.remove -text [mc "Remove"] \
        -command [list ::kiosk::ui::desk::RemovePack $f]
    flow $w.buttons 8
    grid $w.buttons -row 2 -column 0 -columnspan 2 -sticky ew -pady 8
    ttk::label $w.errhead -style Head.TLabel
    grid $w.errhead -row 3 -column 0 -columnspan 2 -sticky w
    text $w.errors -height 8 -wrap word -font KioskSmall -relief flat
    ErrorColors $w.errors
    bind $w.errors <<KioskRestyle>> [list ::kiosk::ui::desk::ErrorColors $w.errors]
    $w.errors configure -state disabled
    grid $w.errors -row 4 -column 0 -columnspan 2 -sticky nsew
    grid rowconfigure $w 4 -weight 1
    FillPacks $f
}

# The pack errors' colours, again when the palette changes.
proc ::kiosk::ui::desk::ErrorColors {t} {
    $t configure -background [::kiosk::ui::theme::color panel] \
        -foreground [::kiosk::ui::theme::color fg]
    $t tag configure loc -foreground [::kiosk::ui::theme::color wrong]
}

proc ::kiosk::ui::desk::FillPacks {f} {
    set t $f.nb.packs.t1
    $t delete [$t children {}]
    foreach p [[records] packs list] {
        $t insert {} end -id [dict get $p id] -values [list [dict get $p id] \
            [dict get $p title] [When [dict get $p installed]] \
            [expr {[dict get $p active] ? "\u2713" : ""}]]
    }
    Rewrap $t
}

proc ::kiosk::ui::desk::PickPack {f} {
    set file [tk_getOpenFile -parent . -title [mc "Install a quiz pack"] \
        -filetypes [list [list [mc "Quiz packs"] {.pack .txt .gift}] \
            [list [mc "All files"] *]]]
    if {$file ne "" && [winfo exists $f]} {
        installPack $f $file
    }
}

# Check FILE against the course (`packcheck`: its syntax, then every
# stage, fact, source and lesson it names) and, when it has no error,
# install it. The file is read once: what is checked is what is installed.
# Returns the pack id, or "" after showing the errors (each as
# file:line:column: message).
proc ::kiosk::ui::desk::installPack {f file} {
    set w $f.nb.packs
    $w.errors configure -state normal
    $w.errors delete 1.0 end
    $w.errhead configure -text ""
    set id ""
    if {[catch {ReadText $file} text]} {
        set errors [list [dict create file $file message $text]]
    } elseif {[catch {[course] packcheck $file -text $text} errors]} {
        set errors [list [dict create file $file message $errors]]
    }
    if {[llength $errors]} {
        $w.errhead configure -text [expr {[llength $errors] == 1
            ? [mc "%s has an error; nothing was installed:" [file tail $file]]
            : [mc "%s has %d errors; nothing was installed:" \
                [file tail $file] [llength $errors]]}]
        ShowErrors $w $errors
    } elseif {[catch {
        set settings [dict get [::kiosk::pack parse $file -text $text] settings]
        set id [file rootname [file tail $file]]
        if {[dict exists $settings id]} { set id [dict get $settings id] }
        set title $id
        if {[dict exists $settings title]} { set title [dict get $settings title] }
        [records] packs install $id $title $text
    } msg o]} {
        $w.errhead configure -text [mc "%s could not be installed:" [file tail $file]]
        $w.errors insert end [recordsError $msg $o]
        set id ""
    } else {
        $w.errhead configure -text [mc "Installed \"%s\"." $id]
    }
    $w.errors configure -state disabled
    FillPacks $f
    return $id
}

# The text of FILE (UTF-8), or an error naming it.
proc ::kiosk::ui::desk::ReadText {file} {
    set ch [open $file r]
    try {
        fconfigure $ch -encoding utf-8
        return [read $ch]
    } finally {
        close $ch
    }
}

# The errors of a pack check, each as file:line:column: message.
proc ::kiosk::ui::desk::ShowErrors {w errors} {
    foreach e $errors {
        set loc [dict get $e file]
        foreach k {line column} {
            if {[dict exists $e $k] && [dict get $e $k] > 0} {
                append loc ":" [dict get $e $k]
            }
        }
        $w.errors insert end $loc loc ": [dict get $e message]\n"
    }
}

proc ::kiosk::ui::desk::Activate {f on} {
    set w $f.nb.packs
    set t $w.t1
    set id [expr {$on ? [$t selection] : ""}]
    if {$on && $id eq ""} {
        toast [mc "Choose a pack first."]
        return
    }
    if {$on} {
        # The course may have been rebuilt since the pack was installed:
        # check it again, so students are never offered a pack that names
        # stages or facts the course no longer has.
        $w.errors configure -state normal
        $w.errors delete 1.0 end
        $w.errhead configure -text ""
        set name $id.pack
        set text [dict get [[records] packs get $id] text]
        if {[catch {[course] packcheck $name -text $text} errors]} {
            set errors [list [dict create file $name message $errors]]
        }
        if {[llength $errors]} {
            $w.errhead configure -text [mc "%s no longer fits the course; it was not made active:" $name]
            ShowErrors $w $errors
            $w.errors configure -state disabled
            return
        }
        $w.errors configure -state disabled
    }
    [records] packs activate $id
    FillPacks $f
}

proc ::kiosk::ui::desk::RemovePack {f} {
    set id [$f.nb.packs.t1 selection]
    if {$id eq ""} {
        toast [mc "Choose a pack first."]
        return
    }
    # The core backs up before it deletes; no backup, no deletion: say so.
    if {[catch {[records] packs remove $id} msg o]} {
        toast [mc "The pack was not removed: %s" [recordsError $msg $o]] 10000
        return
    }
    FillPacks $f
}

### Students

proc ::kiosk::ui::desk::StudentsTab {f w} {
    set t [Table $w 0 [list [list name [mc "Name"] 320] [list id [mc "Id"] 60 e] \
        [list created [mc "Since"] 220] [list attempts [mc "Quizzes"] 100 e]]]
    ttk::frame $w.edit
    ttk::label $w.edit.l -text [mc "Name:"]
    ttk::entry $w.edit.name -width 30 -font KioskBody
    ttk::button $w.edit.add -text [mc "Add"] \
        -command [list ::kiosk::ui::desk::AddStudent $f]
    ttk::button $w.edit.rename -text [mc "Rename the chosen student"] \
        -command [list ::kiosk::ui::desk::RenameStudent $f]
    ttk::button $w.edit.remove -text [mc "Remove the chosen student\u2026"] \
        -command [list ::kiosk::ui::desk::AskRemove $f]
    ttk::button $w.edit.roster -text [mc "Import a roster (CSV)\u2026"] \
        -command [list ::kiosk::ui::desk::PickRoster $f]
    # In rows that wrap: every button stays on screen at any size.
    flow $w.edit 8
    grid $w.edit -row 1 -column 0 -columnspan 2 -sticky ew -pady 8
    ttk::label $w.msg -style Wrong.TLabel -justify left
    grid $w.msg -row 2 -column 0 -columnspan 2 -sticky ew
    wrap $w.msg
    # Asked on removal: keep the records or delete them.
    ttk::frame $w.confirm -style Card.TFrame -padding 12
    ttk::label $w.confirm.q -background [::kiosk::ui::theme::color panel] \
        -wraplength 900 -justify left
    wrap $w.confirm.q
    ttk::button $w.confirm.keep -text [mc "Remove, keep their results"] \
        -command [list ::kiosk::ui::desk::RemoveStudent $f 1]
    ttk::button $w.confirm.delete -text [mc "Remove and delete all their records"] \
        -command [list ::kiosk::ui::desk::RemoveStudent $f 0]
    ttk::button $w.confirm.cancel -text [mc "Cancel"] \
        -command [list grid remove $w.confirm]
    grid $w.confirm.q -columnspan 3 -sticky ew -pady {0 8}
    grid $w.confirm.keep $w.confirm.delete $w.confirm.cancel -padx {0 8}
    bind $t <<TreeviewSelect>> [list ::kiosk::ui::desk::PickStudent $f]
    bind $w.edit.name <Return> [list ::kiosk::ui::desk::AddStudent $f]
    FillStudents $f
}

proc ::kiosk::ui::desk::FillStudents {f} {
    set t $f.nb.students.t0
    set counts {}
    foreach a [[records] attempts -status finished] {
        dict incr counts [dict get $a student]
    }
    $t delete [$t children {}]
    foreach s [[records] students] {
        set id [dict get $s id]
        $t insert {} end -id $id -values [list [dict get $s name] $id \
            [When [dict get $s created]] \
            [expr {[dict exists $counts $id] ? [dict get $counts $id] : 0}]]
    }
    Rewrap $t
}

proc ::kiosk::ui::desk::PickRoster {f} {
    set file [tk_getOpenFile -parent . -title [mc "Import a roster"] \
        -filetypes [list [list [mc "CSV files"] .csv] [list [mc "All files"] *]]]
    if {$file ne "" && [winfo exists $f]} {
        importRoster $f $file
    }
}

# Import the roster FILE (name, id number, email): every error shown by
# line and column, nothing imported then. Returns the dict added updated,
# or "" on errors.
proc ::kiosk::ui::desk::importRoster {f file} {
    set w $f.nb.students
    if {[catch {::kiosk::gradebook roster [records] $file} r o]} {
        $w.msg configure -text [mc "Nothing imported:\n%s" [recordsError $r $o]]
        return ""
    }
    $w.msg configure -text [mc "%d students added, %d updated." \
        [dict get $r added] [dict get $r updated]]
    FillStudents $f
    return $r
}

proc ::kiosk::ui::desk::PickStudent {f} {
    set w $f.nb.students
    set id [$w.t0 selection]
    if {$id eq ""} { return }
    $w.edit.name delete 0 end
    $w.edit.name insert 0 [lindex [$w.t0 item $id -values] 0]
}

proc ::kiosk::ui::desk::AddStudent {f} {
    set w $f.nb.students
    if {[catch {[records] student add [$w.edit.name get]} msg o]} {
        $w.msg configure -text [recordsError $msg $o]
        return
    }
    $w.msg configure -text ""
    $w.edit.name delete 0 end
    FillStudents $f
    $w.t0 selection set $msg
    $w.t0 see $msg
}

proc ::kiosk::ui::desk::RenameStudent {f} {
    set w $f.nb.students
    set id [$w.t0 selection]
    if {$id eq ""} {
        $w.msg configure -text [mc "Choose a student first."]
        return
    }
    if {[catch {[records] student rename $id [$w.edit.name get]} msg o]} {
        $w.msg configure -text [recordsError $msg $o]
        return
    }
    $w.msg configure -text ""
    FillStudents $f
    $w.t0 selection set $id
}

proc ::kiosk::ui::desk::AskRemove {f} {
    variable state
    set w $f.nb.students
    set id [$w.t0 selection]
    if {$id eq ""} {
        $w.msg configure -text [mc "Choose a student first."]
        return
    }
    set state($f,removing) $id
    set name [lindex [$w.t0 item $id -values] 0]
    $w.confirm.q configure -text [mc "Remove %s from the list of students? Their quiz results can stay in the class results and exports, or be deleted with everything else they did on this kiosk." $name]
    grid $w.confirm -row 3 -column 0 -columnspan 2 -sticky ew -pady 8
    focus $w.confirm.keep
}

proc ::kiosk::ui::desk::RemoveStudent {f keep} {
    variable state
    set w $f.nb.students
    # The core backs up before it deletes; no backup, no deletion: say so.
    if {[catch {[records] student remove $state($f,removing) -keep-records $keep} msg o]} {
        toast [mc "Nothing was removed: %s" [recordsError $msg $o]] 10000
        return
    }
    grid remove $w.confirm
    FillStudents $f
    FillResults $f
}

### Results

proc ::kiosk::ui::desk::ResultsTab {f w} {
    variable state
    set state($f,group) pack
    ttk::frame $w.top
    ttk::label $w.top.l -text [mc "Class results"] -style Head.TLabel
    ttk::radiobutton $w.top.pack -text [mc "per pack"] \
        -variable ::kiosk::ui::desk::state($f,group) -value pack \
        -command [list ::kiosk::ui::desk::FillResults $f]
    ttk::radiobutton $w.top.student -text [mc "per student"] \
        -variable ::kiosk::ui::desk::state($f,group) -value student \
        -command [list ::kiosk::ui::desk::FillResults $f]
    ttk::button $w.top.export -text [mc "Export every answer as CSV\u2026"] \
        -style Accent.TButton -command [list ::kiosk::ui::desk::PickExport $f]
    ttk::button $w.top.grades -text [mc "Grades for Moodle\u2026"] \
        -command [list ::kiosk::ui::desk::PickGrades $f]
    # In rows that wrap: the export buttons stay on screen at any size.
    flow $w.top
    grid $w.top -row 0 -column 0 -columnspan 2 -sticky ew -pady {0 8}
    Table $w 1 [list [list group [mc "Pack or student"] 320] \
        [list attempts [mc "Finished"] 90 e] [list unfinished [mc "Unfinished"] 110 e] \
        [list students [mc "Students"] 110 e] \
        [list mean [mc "Average"] 90 e] [list best [mc "Best"] 90 e]]
    ttk::label $w.detail -text [mc "Each quiz"] -style Head.TLabel
    grid $w.detail -row 2 -column 0 -sticky w -pady {8 4}
    Table $w 3 [list [list student [mc "Student"] 200] [list what [mc "Quiz"] 220] \
        [list status [mc "Status"] 100] [list started [mc "Started"] 200] \
        [list answered [mc "Answered"] 120 e] [list score [mc "Score"] 90 e] \
        [list percent [mc "%"] 70 e]]
    ttk::label $w.msg -style Muted.TLabel
    grid $w.msg -row 4 -column 0 -columnspan 2 -sticky w -pady 4
    bind $w.t1 <<TreeviewSelect>> [list ::kiosk::ui::desk::FillAttempts $f]
    FillResults $f
}

# What an attempt was: the pack, the stage or a review.
proc ::kiosk::ui::desk::AttemptWhat {a} {
    switch -- [dict get $a kind] {
        pack {
            set id [dict get $a pack]
            set p [recordsRead {[records] packs get $id} "" {{KIOSK RECORDS NOPACK}}]
            return [mc "Class quiz: %s" [expr {$p ne "" ? [dict get $p title] : $id}]]
        }
        review { return [mc "Review"] }
    }
    if {[dict exists $a stage]} {
        set title [dict get $a stage]
        catch {set title [dict get [[course] stage $title] title]}
        return $title
    }
    return [mc "Quiz"]
}

# An attempt's status in words: unfinished ones marked as such.
proc ::kiosk::ui::desk::Status {a} {
    switch -- [dict get $a status] {
        finished { return [mc "Finished"] }
        open { return [mc "Unfinished"] }
        abandoned { return [mc "Unfinished (left)"] }
    }
    return [dict get $a status]
}

proc ::kiosk::ui::desk::FillResults {f} {
    variable state
    set w $f.nb.results
    if {![winfo exists $w.t1]} { return }
    set by $state($f,group)
    set groups {}
    # Every attempt makes its group (a pack tried but never finished is
    # listed); the averages are of the finished ones.
    foreach a [[records] attempts] {
        if {$by eq "pack"} {
            set key [expr {[dict get $a kind] eq "pack" ? "pack:[dict get $a pack]"
                : [dict get $a kind] eq "review" ? "review"
                : "stage:[expr {[dict exists $a stage] ? [dict get $a stage] : ""}]"}]
            set label [AttemptWhat $a]
        } else {
            set key student:[dict get $a student]
            set label [dict get $a name]
            if {[dict exists $a removed]} {
                set label [mc "%s (removed)" $label]
            }
        }
        dict set groups $key label $label
        dict lappend groups $key students [dict get $a student]
        if {[dict get $a status] ne "finished"} {
            dict lappend groups $key unfinished [dict get $a id]
            continue
        }
        set share [expr {[dict get $a max] > 0 ? [dict get $a score] / [dict get $a max] : 0.0}]
        dict lappend groups $key shares $share
    }
    $w.t1 delete [$w.t1 children {}]
    $w.t3 delete [$w.t3 children {}]
    foreach key [lsort -dictionary [dict keys $groups]] {
        set g [dict merge {shares {} unfinished {}} [dict get $groups $key]]
        set shares [dict get $g shares]
        set sum 0.0
        foreach s $shares { set sum [expr {$sum + $s}] }
        set n [llength $shares]
        $w.t1 insert {} end -id $key -values [list [dict get $g label] \
            $n [llength [dict get $g unfinished]] \
            [llength [lsort -unique [dict get $g students]]] \
            [Percent [expr {$n ? $sum / $n : ""}]] \
            [Percent [expr {$n ? [tcl::mathfunc::max {*}$shares] : ""}]]]
    }
    Rewrap $w.t1
    if {![dict size $groups]} {
        $w.msg configure -text [mc "No quiz has been finished on this kiosk yet."]
    } else {
        $w.msg configure -text ""
    }
}

proc ::kiosk::ui::desk::FillAttempts {f} {
    set w $f.nb.results
    set key [$w.t1 selection]
    $w.t3 delete [$w.t3 children {}]
    if {$key eq ""} { return }
    set rest [join [lassign [split $key :] kind] :]
    switch -- $kind {
        pack { set opts [list -pack $rest] }
        stage { set opts [list -stage $rest] }
        student { set opts [list -student $rest] }
        default { set opts {} }
    }
    foreach a [[records] attempts {*}$opts] {
        if {$kind eq "review" && [dict get $a kind] ne "review"} { continue }
        if {$kind eq "stage" && [dict get $a kind] ne "stage"} { continue }
        set pct [expr {[dict get $a max] > 0 && [dict get $a status] eq "finished"
            ? [dict get $a score] / [dict get $a max] : ""}]
        $w.t3 insert {} end -values [list [dict get $a name] [AttemptWhat $a] \
            [Status $a] [When [dict get $a started]] \
            "[dict get $a answered]/[dict get $a questions]" \
            [format %g/%g [dict get $a score] [dict get $a max]] [Percent $pct]]
    }
    Rewrap $w.t3
}

proc ::kiosk::ui::desk::PickExport {f} {
    set file [tk_getSaveFile -parent . -title [mc "Export results"] \
        -defaultextension .csv -initialfile results.csv \
        -filetypes [list [list [mc "CSV files"] .csv]]]
    if {$file ne "" && [winfo exists $f]} {
        exportTo $f $file
    }
}

proc ::kiosk::ui::desk::PickGrades {f} {
    set file [tk_getSaveFile -parent . -title [mc "Grades for Moodle"] \
        -defaultextension .csv -initialfile grades.csv \
        -filetypes [list [list [mc "CSV files"] .csv]]]
    if {$file ne "" && [winfo exists $f]} {
        gradesTo $f $file
    }
}

# Write the grade summary (one row per student, best and last score of each
# pack, ID number and email for Moodle's grade import) to FILE; returns the
# number of students.
proc ::kiosk::ui::desk::gradesTo {f file} {
    set w $f.nb.results
    if {[catch {::kiosk::gradebook grades [records] $file} n o]} {
        $w.msg configure -text [recordsError $n $o]
        return ""
    }
    $w.msg configure -text [mc "Grades of %d students written to %s." $n $file]
    return $n
}

# Write every answer to FILE as CSV; returns the row count.
proc ::kiosk::ui::desk::exportTo {f file} {
    set w $f.nb.results
    if {[catch {[records] export $file} n o]} {
        $w.msg configure -text [recordsError $n $o]
        return ""
    }
    $w.msg configure -text [mc "%d answers written to %s." $n $file]
    return $n
}

### Questions (item analysis)

proc ::kiosk::ui::desk::ItemsTab {f w} {
    variable state
    ttk::frame $w.top
    ttk::label $w.top.l -text [mc "Questions of"] -style Head.TLabel
    ttk::combobox $w.top.filter -state readonly -width 40 -font KioskBody \
        -textvariable ::kiosk::ui::desk::state($f,filter)
    grid $w.top.l $w.top.filter -padx {0 12} -sticky w
    grid $w.top -row 0 -column 0 -columnspan 2 -sticky w -pady {0 8}
    set t [Table $w 1 [list [list answered [mc "Answered"] 120 e] \
        [list right [mc "Right"] 90 e] [list picks [mc "Picked"] 90 e] \
        [list facility [mc "Facility"] 90 e] [list di [mc "Discrimination"] 130 e] \
        [list de [mc "Efficiency"] 100 e]] \
        {tree headings}]
    $t tag configure broken -foreground [::kiosk::ui::theme::color wrong]
    $t heading #0 -text [mc "Question / option"] -anchor w
    $t column #0 -width 620 -stretch 1
    $t tag configure wrong -foreground [::kiosk::ui::theme::color wrong]
    $t tag configure right -foreground [::kiosk::ui::theme::color right]
    $t tag configure question -font KioskBold
    ttk::label $w.msg -style Muted.TLabel -wraplength 1000 -justify left -text \
        [mc "The share of students who answered each question right, and for each option how often it was picked; the right option is marked \u2713. For typed answers, the wrong answers given. For a pack, Moodle's statistics over each student's first finished attempt: facility, discrimination index and discriminative efficiency; \u26a0 marks a question the numbers say is broken."]
    grid $w.msg -row 2 -column 0 -columnspan 2 -sticky ew -pady 4
    wrap $w.msg
    # Filters: everything, each pack, each stage.
    set filters [dict create [mc "All quizzes"] {}]
    foreach p [[records] packs list] {
        dict set filters [mc "Pack: %s" [dict get $p title]] [list -pack [dict get $p id]]
    }
    if {[course] ne "" && ![catch {[course] stages} stages]} {
        foreach s $stages {
            dict set filters [mc "Stage: %s" [dict get $s title]] [list -stage [dict get $s id]]
        }
    }
    set state($f,itemFilters) $filters
    $w.top.filter configure -values [dict keys $filters]
    set state($f,filter) [lindex [dict keys $filters] 0]
    bind $w.top.filter <<ComboboxSelected>> [list ::kiosk::ui::desk::FillItems $f]
    FillItems $f
}

proc ::kiosk::ui::desk::FillItems {f} {
    variable state
    set t $f.nb.items.t1
    set opts {}
    if {[dict exists $state($f,itemFilters) $state($f,filter)]} {
        set opts [dict get $state($f,itemFilters) $state($f,filter)]
    }
    $t delete [$t children {}]
    set n 0
    # Moodle's statistics, for a pack
    set stats {}
    if {[lindex $opts 0] eq "-pack"} {
        # Without the statistics the table still shows each question's
        # answers; why they are missing is said, and logged.
        if {[catch {::kiosk::gradebook stats [records] [lindex $opts 1]} list so]} {
            toast [mc "The statistics could not be read: %s" [recordsError $list $so]] 10000
        } else {
            foreach st $list { dict set stats [dict get $st question] $st }
        }
    }
    foreach item [[records] items {*}$opts] {
        set nums [list "" "" ""]
        set prefix ""
        set tags question
        if {[dict exists $stats [dict get $item question]]} {
            set st [dict get $stats [dict get $item question]]
            set nums [lmap k {facility discrimination efficiency} {
                expr {[dict exists $st $k] ? [format %.0f [dict get $st $k]] : ""}
            }]
            lset nums 0 [expr {[lindex $nums 0] eq "" ? "" : "[lindex $nums 0]%"}]
            if {[llength [dict get $st flags]]} {
                set prefix "\u26a0 "
                lappend tags broken
            }
        }
        set q [$t insert {} end -open 1 -tags $tags \
            -text $prefix[expr {[dict exists $item prompt] ? [dict get $item prompt]
                : [dict get $item question]}] \
            -values [list [dict get $item answered] \
                [Percent [dict get $item share]] "" {*}$nums]]
        set answered [dict get $item answered]
        if {[dict exists $item options]} {
            foreach o [dict get $item options] {
                set good [expr {[dict get $o credit] > 0}]
                $t insert $q end -tags [expr {$good ? "right" : "wrong"}] \
                    -text "[expr {$good ? "\u2713 " : "    "}][dict get $o text]" \
                    -values [list "" "" [format "%d (%s)" [dict get $o picks] \
                        [Percent [expr {$answered ? double([dict get $o picks]) / $answered : 0}]]]]
            }
        }
        if {[dict get $item kind] eq "essay"} {
            # what each student wrote, for the teacher to read (read once
            # per table; a failure said and logged, the table goes on)
            set pack [expr {[lindex $opts 0] eq "-pack" ? [lindex $opts 1] : ""}]
            if {![info exists essays] && [catch {::kiosk::gradebook essays [records] {*}[expr {$pack eq "" ? "" : [list $pack]}]} essays eo]} {
                toast [mc "The essays could not be read: %s" [recordsError $essays $eo]] 10000
                set essays {}
            }
            foreach e $essays {
                if {[dict get $e question] ne [dict get $item question]} { continue }
                $t insert $q end \
                    -text [mc "    %s: %s" [dict get $e name] [dict get $e text]] \
                    -values [list "" "" "" [When [dict get $e answered]]]
            }
        }
        if {[dict exists $item wrong]} {
            foreach x [dict get $item wrong] {
                $t insert $q end -tags wrong \
                    -text [mc "    typed: %s" [dict get $x answer]] \
                    -values [list "" "" [dict get $x count]]
            }
        }
        incr n
    }
    Rewrap $t
    return $n
}

### Settings

proc ::kiosk::ui::desk::SettingsTab {f w} {
    variable state
    variable notices
    set rec [records]
    set s [$rec settings]
    set state($f,idle) [dict get $s idle-timeout]
    set state($f,lock) [dict get $s kiosk-lock]
    set state($f,theme) [dict get $s theme]
    ttk::label $w.kh -text [mc "The kiosk"] -style Head.TLabel
    grid $w.kh -row 0 -column 0 -columnspan 3 -sticky w -pady {0 8}
    ttk::label $w.idlel -text [mc "Back to the start screen after (seconds idle):"]
    ttk::spinbox $w.idle -from 10 -to 3600 -increment 30 -width 8 \
        -font KioskBody -textvariable ::kiosk::ui::desk::state($f,idle)
    grid $w.idlel -row 1 -column 0 -sticky ew -padx {0 8} -pady 4
    grid $w.idle -row 1 -column 1 -sticky w -padx {0 8} -pady 4
    wrap $w.idlel
    ttk::checkbutton $w.lock -text [mc "Kiosk lock: full screen, closing needs the PIN (from the next start)"] \
        -variable ::kiosk::ui::desk::state($f,lock)
    grid $w.lock -row 2 -column 0 -columnspan 3 -sticky ew -pady 4
    # A check button cannot wrap its text: it is given its lines.
    set state($f,lockText) [$w.lock cget -text]
    bind $w.lock <Configure> [list ::kiosk::ui::desk::WrapCheck $f $w.lock %w]
    ttk::label $w.themel -text [mc "Colours:"]
    # The setting's values (default, contrast) shown in words; a student's
    # own Contrast choice overrides it for them (app::setStudent).
    set state($f,themeWords) [Themes]
    ttk::combobox $w.theme -state readonly -width 16 -font KioskBody \
        -values [dict values $state($f,themeWords)]
    $w.theme set [expr {[dict exists $state($f,themeWords) $state($f,theme)]
        ? [dict get $state($f,themeWords) $state($f,theme)] : $state($f,theme)}]
    bind $w.theme <<ComboboxSelected>> [list ::kiosk::ui::desk::PickTheme $f]
    grid $w.themel -row 3 -column 0 -sticky ew -padx {0 8} -pady 4
    grid $w.theme -row 3 -column 1 -sticky w -padx {0 8} -pady 4
    wrap $w.themel
    ttk::button $w.save -text [mc "Save the settings"] -style Accent.TButton \
        -command [list ::kiosk::ui::desk::SaveSettings $f]
    ttk::label $w.savemsg
    grid $w.save -row 4 -column 0 -sticky w -pady 8 -padx {0 8}
    grid $w.savemsg -row 4 -column 1 -columnspan 2 -sticky ew -pady 8 -padx {0 8}
    wrap $w.savemsg

    ttk::separator $w.sep1
    grid $w.sep1 -row 5 -column 0 -columnspan 3 -sticky ew -pady 8
    ttk::label $w.ph -text [mc "Instructor PIN"] -style Head.TLabel
    grid $w.ph -row 6 -column 0 -columnspan 3 -sticky w
    ttk::label $w.pin1l -text [mc "New PIN:"]
    ttk::entry $w.pin1 -show \u2022 -width 16 -font KioskBody
    ttk::label $w.pin2l -text [mc "Once more:"]
    ttk::entry $w.pin2 -show \u2022 -width 16 -font KioskBody
    ttk::button $w.pinset -text [mc "Change the PIN"] \
        -command [list ::kiosk::ui::desk::ChangePin $f]
    ttk::label $w.pinmsg
    grid $w.pin1l -row 7 -column 0 -sticky ew -padx {0 8} -pady 2
    grid $w.pin1 -row 7 -column 1 -sticky w -padx {0 8} -pady 2
    grid $w.pin2l -row 8 -column 0 -sticky ew -padx {0 8} -pady 2
    grid $w.pin2 -row 8 -column 1 -sticky w -padx {0 8} -pady 2
    grid $w.pinset -row 9 -column 0 -sticky w -padx {0 8} -pady 4
    grid $w.pinmsg -row 9 -column 1 -columnspan 2 -sticky ew -padx {0 8} -pady 4
    foreach l {pin1l pin2l pinmsg} { wrap $w.$l }

    ttk::separator $w.sep2
    grid $w.sep2 -row 10 -column 0 -columnspan 3 -sticky ew -pady 8
    ttk::label $w.rh -text [mc "Records"] -style Head.TLabel
    grid $w.rh -row 11 -column 0 -columnspan 3 -sticky w
    ttk::label $w.path -style Muted.TLabel -text \
        [mc "Student records are kept in %s, with backups beside it." [opt records]]
    grid $w.path -row 12 -column 0 -columnspan 3 -sticky ew
    wrap $w.path
    ttk::frame $w.rb
    ttk::button $w.rb.backup -text [mc "Back up now"] \
        -command [list ::kiosk::ui::desk::Backup $f]
    ttk::button $w.rb.leave -text [mc "Leave the kiosk"] \
        -command ::kiosk::ui::desk::Leave
    ttk::label $w.rb.msg
    flow $w.rb 8
    bind $w <Configure> +[list ::kiosk::ui::desk::MsgRoom $w.rb.msg %w]
    grid $w.rb -row 13 -column 0 -columnspan 3 -sticky ew -pady 8
    set r 14
    foreach n $notices {
        ttk::label $w.notice$r -style Wrong.TLabel -wraplength 1000 \
            -justify left -text $n
        grid $w.notice$r -row $r -column 0 -columnspan 3 -sticky ew
        wrap $w.notice$r
        incr r
    }
    # The labels' column gives way first: they wrap.
    grid columnconfigure $w 0 -weight 1
    grid columnconfigure $w 2 -weight 1
}

# The backup message in the row of buttons wraps at the tab's width.
proc ::kiosk::ui::desk::MsgRoom {msg width} {
    if {$width > 100 && [winfo exists $msg] && [$msg cget -wraplength] != $width - 40} {
        $msg configure -wraplength [expr {$width - 40}]
    }
}

# Check button W's text (state(F,lockText)) on lines that fit WIDTH.
proc ::kiosk::ui::desk::WrapCheck {f w width} {
    variable state
    if {$width <= 1 || ![info exists state($f,lockText)]} { return }
    set font [ttk::style lookup TCheckbutton -font]
    if {$font eq ""} { set font TkDefaultFont }
    set text [::kiosk::ui::app::wrapText $state($f,lockText) $font \
        [expr {$width - 40}]]
    if {[$w cget -text] ne $text} { $w configure -text $text }
}

# Leave the kiosk from the desk (the PIN was given to open it): logged.
proc ::kiosk::ui::desk::Leave {} {
    ::kiosk::ui::lock::log leave [mc "left the kiosk from the instructor desk"]
    ::kiosk::ui::main::quit
}

### Log

# The operator log, newest first (the last 500 entries).
proc ::kiosk::ui::desk::LogTab {f w} {
    ttk::label $w.msg -style Muted.TLabel -wraplength 1000 -justify left -text \
        [mc "What happened at the kiosk that the instructor should know: wrong PINs, the desk opened, the kiosk left, errors on screen. Newest first."]
    grid $w.msg -row 0 -column 0 -columnspan 2 -sticky ew -pady {0 8}
    wrap $w.msg
    set t [Table $w 1 [list [list at [mc "When"] 210] \
        [list kind [mc "What"] 110] [list message [mc "Message"] 600]]]
    $t column message -stretch 1
    $t column at -stretch 0
    $t column kind -stretch 0
    if {[catch {[records] log list -limit 500} entries o]} {
        $w.msg configure -text [recordsError $entries $o] -style Wrong.TLabel
        return
    }
    foreach e $entries {
        # One line per entry: the first line of a long message (an error's
        # trace) in the list.
        set text [lindex [split [dict get $e message] \n] 0]
        $t insert {} end -id log[dict get $e id] -values \
            [list [When [dict get $e at]] [dict get $e kind] $text]
    }
    Rewrap $t
}

# The kiosk-wide colour themes: setting value -> words.
proc ::kiosk::ui::desk::Themes {} {
    return [dict create default [mc "Normal"] contrast [mc "High contrast"]]
}

proc ::kiosk::ui::desk::PickTheme {f} {
    variable state
    set shown [$f.nb.settings.theme get]
    dict for {value words} $state($f,themeWords) {
        if {$words eq $shown} { set state($f,theme) $value }
    }
}

proc ::kiosk::ui::desk::SaveSettings {f} {
    variable state
    set w $f.nb.settings
    set rec [records]
    if {[catch {
        $rec settings set idle-timeout [string trim $state($f,idle)]
        $rec settings set kiosk-lock $state($f,lock)
        $rec settings set theme $state($f,theme)
    } msg o]} {
        $w.savemsg configure -text [recordsError $msg $o] -style Wrong.TLabel
        return 0
    }
    if {[namespace which ::kiosk::ui::lock::configure] ne ""} {
        ::kiosk::ui::lock::configure
    }
    ::kiosk::ui::theme::setContrast [expr {$state($f,theme) eq "contrast"}]
    $w.savemsg configure -text [mc "Saved."] -style TLabel
    return 1
}

proc ::kiosk::ui::desk::ChangePin {f} {
    set w $f.nb.settings
    set a [$w.pin1 get]
    set b [$w.pin2 get]
    $w.pin1 delete 0 end
    $w.pin2 delete 0 end
    if {$a ne $b} {
        $w.pinmsg configure -text [mc "The two PINs differ."] -style Wrong.TLabel
        return
    }
    if {[catch {[records] pin set $a} msg o]} {
        $w.pinmsg configure -text [recordsError $msg $o] -style Wrong.TLabel
        return
    }
    $w.pinmsg configure -text [mc "The PIN is changed."] -style TLabel
}

proc ::kiosk::ui::desk::Backup {f} {
    set w $f.nb.settings
    if {[catch {[records] backup} path o]} {
        $w.rb.msg configure -text [recordsError $path $o] -style Wrong.TLabel
        return
    }
    if {$path eq ""} {
        $w.rb.msg configure -text [mc "These records are not kept in a file: nothing to back up."]
    } else {
        $w.rb.msg configure -text [mc "Backed up to %s." $path] -style TLabel
    }
}

### Class (a kiosk that joined a class; doc/class.md)

proc ::kiosk::ui::desk::ClassTab {f w} {
    # The heading and the status wrap to the tab's width; the buttons flow.
    ttk::label $w.head -text [mc "The whole class, from the class server"] \
        -style Head.TLabel -justify left
    grid [wrap $w.head] -row 0 -column 0 -columnspan 2 -sticky ew -pady {0 8}
    ttk::frame $w.top
    ttk::button $w.top.refresh -text [mc "Ask the server again"] \
        -command [list ::kiosk::ui::desk::FillClass $f]
    ttk::button $w.top.sync -text [mc "Sync now"] \
        -command ::kiosk::ui::classlink::syncSoon
    flow $w.top
    grid $w.top -row 1 -column 0 -columnspan 2 -sticky ew -pady {0 8}
    ttk::label $w.status -justify left
    grid [wrap $w.status] -row 2 -column 0 -columnspan 2 -sticky ew -pady {0 8}
    Table $w 3 [list [list student [mc "Student"] 200] [list kiosk [mc "Kiosk"] 120] \
        [list what [mc "Quiz"] 200] [list status [mc "Status"] 110] \
        [list started [mc "Started"] 190] [list answered [mc "Answered"] 100 e] \
        [list correct [mc "Right"] 80 e] [list score [mc "Score"] 80 e]]
    # The roster above the class's packs: side by side, the packs' four
    # columns would not fit at 1024 wide and a large text size.
    ttk::frame $w.low
    grid $w.low -row 4 -column 0 -columnspan 2 -sticky nsew -pady {8 0}
    grid rowconfigure $w 4 -weight 1
    ttk::frame $w.low.r
    ttk::frame $w.low.p
    grid $w.low.r -row 0 -column 0 -sticky nsew -pady {0 8}
    grid $w.low.p -row 1 -column 0 -sticky nsew
    grid columnconfigure $w.low 0 -weight 1
    grid rowconfigure $w.low {0 1} -weight 1
    Table $w.low.r 0 [list [list name [mc "Class roster"] 240]]
    Table $w.low.p 0 [list [list id [mc "Class pack"] 160] [list title [mc "Title"] 220] \
        [list version [mc "Version"] 80 e] [list active [mc "Active"] 70 center]]
    variable classFrame $f
    FillClass $f
}

# A sync ended (classlink.tcl's event on "."): the status line of the desk
# on screen, if any, says so. Bound once, when this file is read.
proc ::kiosk::ui::desk::ClassSynced {} {
    variable classFrame
    if {[info exists classFrame] && [winfo exists $classFrame.nb.class]} {
        ClassStatus $classFrame
    }
}
bind . <<KioskClassSynced>> +::kiosk::ui::desk::ClassSynced

proc ::kiosk::ui::desk::ClassStatus {f {asking ""}} {
    variable state
    set w $f.nb.class
    if {![winfo exists $w]} { return }
    set lines {}
    if {$asking ne ""} { lappend lines $asking }
    if {[info exists state($f,classError)] && $state($f,classError) ne ""} {
        lappend lines [mc "The class server cannot be reached: %s" $state($f,classError)] \
            [mc "This kiosk keeps working on its own: every answer is saved here and goes to the class at the next sync."]
    }
    set last [::kiosk::ui::classlink::last]
    if {$last ne ""} {
        set at [clock format [dict get $last at] -format "%H:%M"]
        if {[dict get $last ok]} {
            lappend lines [mc "Last sync at %s: done." $at]
        } else {
            lappend lines [mc "Last sync at %s failed: %s" $at \
                [lindex [split [dict get $last message] \n] end]]
        }
    }
    $w.status configure -style \
        [expr {[info exists state($f,classError)] && $state($f,classError) ne ""
               ? "Alert.TLabel" : "Muted.TLabel"}]
    setWrapped $w.status [join $lines \n]
}

# Ask the server for results, roster and packs, one after the other, each
# in the background; the tables fill as the answers come.
proc ::kiosk::ui::desk::FillClass {f} {
    variable state
    set state($f,classError) ""
    ClassStatus $f [mc "Asking the class server\u2026"]
    set file [opt records]
    ::kiosk::ui::classlink::run \
        [list class results --records $file --format tsv] \
        [list ::kiosk::ui::desk::ClassGot $f results]
}

proc ::kiosk::ui::desk::ClassGot {f what ok out} {
    variable state
    set w $f.nb.class
    if {![winfo exists $w]} { return }
    if {!$ok} {
        set state($f,classError) [lindex [split $out \n] end]
        ClassStatus $f
        return
    }
    set file [opt records]
    switch -- $what {
        results {
            set t $w.t3
            $t delete [$t children {}]
            foreach r [::kiosk::ui::classlink::tsv $out] {
                set what [expr {[dict get $r pack] ne "" ? [dict get $r pack]
                    : [dict get $r kind] eq "review" ? [mc "Review"]
                    : [dict get $r stage]}]
                set status [dict get $r status]
                set status [dict get [dict create finished [mc "Finished"] \
                    open [mc "Unfinished"] abandoned [mc "Unfinished (left)"]] $status]
                $t insert {} end -values [list [dict get $r student] \
                    [dict get $r kiosk] $what $status [When [dict get $r started]] \
                    [dict get $r answered] [dict get $r correct] \
                    [format %.1f [dict get $r score]]]
            }
            ::kiosk::ui::classlink::run \
                [list class roster --records $file --format tsv] \
                [list ::kiosk::ui::desk::ClassGot $f roster]
        }
        roster {
            set t $w.low.r.t0
            $t delete [$t children {}]
            foreach r [::kiosk::ui::classlink::tsv $out] {
                $t insert {} end -values [list [dict get $r name]]
            }
            ::kiosk::ui::classlink::run \
                [list class packs --records $file --format tsv] \
                [list ::kiosk::ui::desk::ClassGot $f packs]
        }
        packs {
            set t $w.low.p.t0
            $t delete [$t children {}]
            foreach r [::kiosk::ui::classlink::tsv $out] {
                $t insert {} end -values [list [dict get $r id] [dict get $r title] \
                    [dict get $r version] \
                    [expr {[dict get $r active] ? "\u2713" : ""}]]
            }
            ClassStatus $f
        }
    }
}
