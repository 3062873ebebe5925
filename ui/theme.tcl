# theme.tcl: named fonts, ttk styles, colours, the option database and the
# table of virtual events. Screens use the names defined here, never raw
# fonts, colours or key sequences.
#
# Two palettes share one ttk theme (clam): "normal" and "contrast" (high
# contrast: white on black, yellow focus). Text size is a step added to
# every named font. A change of either sends <<KioskRestyle>> to every
# widget, so a canvas or text widget that paints its own colours or lays
# itself out by font size can repaint (ttk widgets follow by themselves).
# It is not a place for screen logic.

namespace eval ::kiosk::ui::theme {
    namespace export init color bigger smaller setStep step setContrast \
        contrast
    # Virtual event -> the keys that raise it. One table, so a key binding
    # is changed in one place. Answer options are picked by letter
    # (<<KioskPickA>>...), never by digit: on "How many...?" a digit key
    # would read as the answer. Arrow keys and Return are bound on the
    # widget that owns them (the timeline canvas, a list); screen-wide keys
    # go through ::kiosk::ui::app::key, which ignores them while the
    # student is typing in an entry.
    variable events {
        <<KioskNext>>      {<Right>}
        <<KioskPrev>>      {<Left>}
        <<KioskUp>>        {<Up>}
        <<KioskDown>>      {<Down>}
        <<KioskActivate>>  {<Return> <KP_Enter>}
        <<KioskBack>>      {<Escape>}
        <<KioskBigger>>    {<Control-plus> <Control-equal> <Control-KP_Add>}
        <<KioskSmaller>>   {<Control-minus> <Control-KP_Subtract>}
        <<KioskContrast>>  {<Control-t>}
        <<KioskNextStage>> {<Alt-Right> <Control-Next>}
        <<KioskPrevStage>> {<Alt-Left> <Control-Prior>}
        <<KioskMoveUp>>    {<Shift-Up> <Control-Up>}
        <<KioskMoveDown>>  {<Shift-Down> <Control-Down>}
        <<KioskPickA>>     {<Key-a> <Key-A>}
        <<KioskPickB>>     {<Key-b> <Key-B>}
        <<KioskPickC>>     {<Key-c> <Key-C>}
        <<KioskPickD>>     {<Key-d> <Key-D>}
        <<KioskPickE>>     {<Key-e> <Key-E>}
        <<KioskPickF>>     {<Key-f> <Key-F>}
        <<KioskPickG>>     {<Key-g> <Key-G>}
        <<KioskPickH>>     {<Key-h> <Key-H>}
    }
    # Named fonts: name base-size weight ?slant?. The step is added to
    # every base size (clamped so the smallest stays readable).
    variable fonts {
        KioskBody    14 normal roman
        KioskBold    14 bold   roman
        KioskItalic  14 normal italic
        KioskTitle   30 bold   roman
        KioskHead    20 bold   roman
        KioskSmall   11 normal roman
        KioskBig     22 bold   roman
        KioskHuge    40 bold   roman
    }
    variable step 0
    variable minStep -3
    variable maxStep 8
    # The palettes. Keys are the colour names screens ask for.
    variable palettes {
        normal {
            bg        #f4f1ea
            panel     #ffffff
            fg        #1b1b1b
            muted     #555555
            accent    #1f4e8c
            accentfg  #ffffff
            focus     #e8a000
            focusbg   #fff0c7
            select    #cfe0f5
            accenthi  #2f66ad
            accentlo  #163b6b
            link      #1f4e8c
            fact      #fff1c2
            factfg    #1b1b1b
            term      #1b1b1b
            note      #8a1c1c
            right     #1d6b2f
            wrong     #a4161a
            rightbg   #dff2e1
            wrongbg   #f9dcdc
            band1     #dce8f5
            band2     #e9e1f3
            mark      #a4161a
            border    #8a8a8a
            trough    #d8d4ca
        }
        contrast {
            bg        #000000
            panel     #000000
            fg        #ffffff
            muted     #e0e0e0
            accent    #ffff00
            accentfg  #000000
            focus     #00ffff
            focusbg   #003a3a
            select    #004080
            accenthi  #ffff99
            accentlo  #cccc00
            link      #ffff00
            fact      #333300
            factfg    #ffff66
            term      #66ffff
            note      #ff9999
            right     #66ff66
            wrong     #ff6666
            rightbg   #003300
            wrongbg   #400000
            band1     #1a1a40
            band2     #401a40
            mark      #ffff00
            border    #ffffff
            trough    #333333
        }
    }
    variable contrast 0
}

# Create the fonts, styles and virtual events. Safe to call twice.
proc ::kiosk::ui::theme::init {} {
    variable events
    ttk::style theme use clam
    foreach {virtual keys} $events {
        event add $virtual {*}$keys
    }
    # Buttons answer Return as well as space (keyboard-only use).
    bind TButton <<KioskActivate>> {ttk::button::activate %W}
    bind TCheckbutton <<KioskActivate>> {ttk::button::activate %W}
    bind TRadiobutton <<KioskActivate>> {ttk::button::activate %W}
    ApplyFonts
    ApplyStyles
}

# The colour NAME of the current palette (see palettes above).
proc ::kiosk::ui::theme::color {name} {
    variable palettes
    variable contrast
    return [dict get $palettes [expr {$contrast ? "contrast" : "normal"}] $name]
}

# The current text size step (0 = default).
proc ::kiosk::ui::theme::step {} {
    variable step
    return $step
}

# Set the text size step, clamped; returns the step in effect.
proc ::kiosk::ui::theme::setStep {n} {
    variable step
    variable minStep
    variable maxStep
    if {![string is integer -strict $n]} { set n 0 }
    set n [expr {max($minStep, min($maxStep, $n))}]
    if {$n != $step} {
        set step $n
        ApplyFonts
        Notify
    }
    return $step
}

proc ::kiosk::ui::theme::bigger {} {
    variable step
    return [setStep [expr {$step + 1}]]
}

proc ::kiosk::ui::theme::smaller {} {
    variable step
    return [setStep [expr {$step - 1}]]
}

# 1 when the high-contrast palette is in use.
proc ::kiosk::ui::theme::contrast {} {
    variable contrast
    return $contrast
}

proc ::kiosk::ui::theme::setContrast {on} {
    variable contrast
    set on [expr {$on ? 1 : 0}]
    if {$on != $contrast} {
        set contrast $on
        ApplyStyles
        Notify
    }
    return $contrast
}

# Scale every named font by the current step. Sizes grow by about 8% a
# step, so the layout keeps its proportions.
proc ::kiosk::ui::theme::ApplyFonts {} {
    variable fonts
    variable step
    foreach {name size weight slant} $fonts {
        set px [expr {max(8, int(round($size * pow(1.08, $step))))}]
        if {$name in [font names]} {
            font configure $name -size $px -weight $weight -slant $slant
        } else {
            font create $name -family Helvetica -size $px -weight $weight \
                -slant $slant
        }
    }
}

# Configure the ttk styles and the option database from the palette.
proc ::kiosk::ui::theme::ApplyStyles {} {
    set bg [color bg]
    set fg [color fg]
    set panel [color panel]
    set accent [color accent]
    set accentfg [color accentfg]
    set focus [color focus]
    set border [color border]
    ttk::style configure . -background $bg -foreground $fg -font KioskBody \
        -fieldbackground $panel -bordercolor $border -darkcolor $bg \
        -lightcolor $bg -troughcolor [color trough] -focuscolor $focus \
        -selectbackground [color select] -selectforeground $fg \
        -insertcolor $fg -arrowcolor $fg
    ttk::style map . -foreground [list disabled [color muted]]
    ttk::style configure TFrame -background $bg
    ttk::style configure Panel.TFrame -background $panel -relief flat \
        -borderwidth 0
    ttk::style configure Card.TFrame -background $panel -relief solid \
        -borderwidth 1
    ttk::style configure TLabel -background $bg -foreground $fg \
        -font KioskBody
    ttk::style configure Panel.TLabel -background $panel
    ttk::style configure Title.TLabel -font KioskTitle
    ttk::style configure Huge.TLabel -font KioskHuge
    ttk::style configure Head.TLabel -font KioskHead
    ttk::style configure Small.TLabel -font KioskSmall -foreground [color muted]
    ttk::style configure Muted.TLabel -foreground [color muted]
    ttk::style configure Right.TLabel -foreground [color right] -font KioskBig
    ttk::style configure Wrong.TLabel -foreground [color wrong] -font KioskBig
    ttk::style configure Alert.TLabel -foreground [color wrong]
    ttk::style configure Toast.TLabel -background $accent -foreground $accentfg \
        -padding {16 6}
    ttk::style configure Status.TFrame -background $bg
    # Buttons: a focused button turns the focus colour, so the student can
    # always see where the keyboard is (a dotted ring is too faint). Every
    # state gives its text colour with its background, in one order, so
    # no mix of states (an Accent button hovered, pressed while focused)
    # puts light text on a light background.
    foreach style {TButton Big.TButton Name.TButton Option.TButton
        Accent.TButton Link.TButton Tool.TButton Quiet.TButton} {
        ttk::style configure $style -background $panel -foreground $fg \
            -bordercolor $border -lightcolor $panel -darkcolor $panel \
            -padding {14 8} -font KioskBody -focusthickness 0 -relief raised
        ButtonMap $style [list \
            disabled [list $bg [color muted]] \
            pressed  [list [color select] $fg] \
            focus    [list $focus #000000] \
            active   [list [color select] $fg]]
        ttk::style map $style -bordercolor [list focus $fg] \
            -lightcolor [list focus $focus] -darkcolor [list focus $focus]
    }
    ttk::style configure Big.TButton -font KioskBig -padding {24 14}
    ttk::style configure Tool.TButton -font KioskSmall -padding {10 8}
    ttk::style configure Name.TButton -font KioskBig -padding {18 12} -justify center
    # An answer option with the keyboard on it is ringed in the focus
    # colour on a pale tint: it must not look chosen (answered options are
    # Right/Wrong.Option, below), since Return would answer it.
    ttk::style configure Option.TButton -anchor w -padding {16 10}
    ButtonMap Option.TButton [list \
        disabled [list $bg [color muted]] \
        pressed  [list [color select] $fg] \
        focus    [list [color focusbg] $fg] \
        active   [list [color select] $fg]]
    ttk::style map Option.TButton -bordercolor [list focus $focus] \
        -lightcolor [list focus $focus] -darkcolor [list focus $focus]
    # Accent: hovered a shade lighter, pressed darker, the text in the
    # accent's own text colour; focused like every button.
    ttk::style configure Accent.TButton -background $accent \
        -foreground $accentfg -lightcolor $accent -darkcolor $accent
    ButtonMap Accent.TButton [list \
        disabled [list $bg [color muted]] \
        pressed  [list [color accentlo] $accentfg] \
        focus    [list $focus #000000] \
        active   [list [color accenthi] $accentfg]]
    foreach {style fgc bgc} {Right.Option.TButton right rightbg
        Wrong.Option.TButton wrong wrongbg
        Right.Quiz.TCheckbutton right rightbg
        Wrong.Quiz.TCheckbutton wrong wrongbg} {
        ttk::style configure $style -background [color $bgc] \
            -foreground [color $fgc] -font KioskBold
        ttk::style map $style -background [list disabled [color $bgc]] \
            -foreground [list disabled [color $fgc]]
    }
    # Quiet: a button that is there without asking to be pressed (the
    # attract screen's Instructor), still a finger's size.
    ttk::style configure Quiet.TButton -relief flat -padding {14 10} \
        -font KioskSmall -foreground [color muted] -background $bg \
        -lightcolor $bg -darkcolor $bg -bordercolor $bg
    ttk::style configure Link.TButton -relief flat -padding {4 2} \
        -foreground [color link] -background $bg -lightcolor $bg \
        -darkcolor $bg -bordercolor $bg
    foreach style {TCheckbutton TRadiobutton} {
        ttk::style configure $style -background $bg -foreground $fg \
            -indicatorbackground $panel -indicatorforeground $fg \
            -font KioskBody -padding {6 4} -indicatorsize 20 \
            -indicatormargin {2 2 10 2}
        ttk::style map $style -background [list focus $focus] \
            -foreground [list focus #000000] \
            -indicatorbackground [list selected $accent]
    }
    ttk::style configure TEntry -fieldbackground $panel -foreground $fg \
        -padding 6 -insertwidth 2
    ttk::style map TEntry -bordercolor [list focus $focus] \
        -lightcolor [list focus $focus] -darkcolor [list focus $focus]
    # A read-only list (the quiz's matching): the chosen text stays dark on
    # light (light on dark in high contrast) when focused, on the focus
    # tint with a focus-coloured border; clam's own dark blue is not used.
    ttk::style configure TCombobox -fieldbackground $panel -foreground $fg \
        -selectbackground [color focusbg] -selectforeground $fg \
        -background $panel -arrowcolor $fg
    ttk::style map TCombobox \
        -fieldbackground [list {readonly focus} [color focusbg] \
            readonly $panel disabled $bg] \
        -foreground [list disabled [color muted] {readonly focus} $fg] \
        -selectbackground [list {readonly focus} [color focusbg]] \
        -selectforeground [list {readonly focus} $fg] \
        -background [list active [color select] pressed [color select]] \
        -bordercolor [list focus $focus] \
        -lightcolor [list focus $focus] -darkcolor [list focus $focus]
    ttk::style configure Horizontal.TProgressbar -background $accent \
        -troughcolor [color trough] -bordercolor $border \
        -lightcolor $accent -darkcolor $accent -thickness 16
    ttk::style configure TScrollbar -background $panel -troughcolor \
        [color trough] -arrowcolor $fg
    ttk::style configure TSeparator -background $border
    # Tables (the desk): rows on the panel colour; the chosen row in the
    # accent colour.
    ttk::style configure Treeview -background $panel -fieldbackground $panel \
        -foreground $fg
    ttk::style map Treeview -background [list selected $accent] \
        -foreground [list selected $accentfg]
    ttk::style configure Treeview.Heading -background $bg -foreground $fg
    # Tabs (the desk): the open one in the accent colour; in the small
    # font, like the desk's lists, so that seven tabs (a kiosk of a class)
    # hold on one row at 1024 wide and the largest text size (a ttk
    # notebook does not wrap its tabs).
    ttk::style configure TNotebook -background $bg
    ttk::style configure TNotebook.Tab -background $panel -foreground $fg \
        -padding {12 6} -font KioskSmall
    ttk::style map TNotebook.Tab -background [list selected $accent] \
        -foreground [list selected $accentfg]
    # Classic Tk widgets (text, canvas, listbox, toplevel) read the option
    # database when created; existing ones repaint on <<KioskRestyle>>.
    option add *background $bg widgetDefault
    option add *foreground $fg widgetDefault
    option add *Text.background $panel
    option add *Text.foreground $fg
    option add *Text.insertBackground $fg
    option add *Text.selectBackground [color select]
    option add *Text.highlightColor $focus
    option add *Text.highlightBackground $bg
    option add *Canvas.background $bg
    option add *Canvas.highlightColor $focus
    option add *Canvas.highlightBackground $bg
    option add *Listbox.background $panel
    option add *Listbox.foreground $fg
    option add *Listbox.font KioskBody
    option add *Toplevel.background $bg
    . configure -background $bg
}

# Map button STYLE's background and text colour together: PAIRS is a
# list of state {background foreground}, the first state that holds wins.
proc ::kiosk::ui::theme::ButtonMap {style pairs} {
    set bgs {}
    set fgs {}
    foreach {state colors} $pairs {
        lappend bgs $state [lindex $colors 0]
        lappend fgs $state [lindex $colors 1]
    }
    ttk::style map $style -background $bgs -foreground $fgs
}

# Tell every widget that colours or font sizes changed.
proc ::kiosk::ui::theme::Notify {} {
    set todo [list .]
    while {[llength $todo]} {
        set todo [lassign $todo w]
        if {[winfo class $w] in {Toplevel Tk}} {
            catch {$w configure -background [color bg]}
        }
        event generate $w <<KioskRestyle>>
        lappend todo {*}[winfo children $w]
    }
}
