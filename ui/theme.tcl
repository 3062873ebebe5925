# theme.tcl: named fonts, ttk styles, the option database and the table of
# virtual events. Screens use the names defined here, never raw fonts,
# colours or key sequences.

namespace eval ::kiosk::ui::theme {
    namespace export init
    # Virtual event -> the keys that raise it. One table, so a key binding
    # is changed in one place.
    variable events {
        <<KioskNext>>     {<Return> <KP_Enter> <Right>}
        <<KioskBack>>     {<Escape> <Left>}
        <<KioskBigger>>   {<Control-plus> <Control-equal> <Control-KP_Add>}
        <<KioskSmaller>>  {<Control-minus> <Control-KP_Subtract>}
    }
}

proc ::kiosk::ui::theme::init {} {
    variable events
    foreach {name size weight} {
        KioskBody   14 normal
        KioskTitle  28 bold
        KioskHead   18 bold
        KioskSmall  11 normal
    } {
        if {$name ni [font names]} {
            font create $name -family Helvetica -size $size -weight $weight
        }
    }
    ttk::style configure TLabel -font KioskBody
    ttk::style configure TButton -font KioskBody -padding {12 6}
    ttk::style configure Title.TLabel -font KioskTitle
    ttk::style configure Head.TLabel -font KioskHead
    foreach {virtual keys} $events {
        event add $virtual {*}$keys
    }
}
