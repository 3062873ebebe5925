# charts.tcl: the charts screen. Horizontal bar charts of the course's
# money figures, for a student who would rather look than read: Japanese
# aid per recipient in one period beside another, the 2015 agreements,
# investment stocks.
#
# Nothing is drawn from a value written here. The charts come from the
# figures table through the package (`course figures`): every figure group
# (grp) that has per-country members becomes a chart; groups whose names
# differ only in their years ("aid-1992-2000", "aid-2001-2015") share one
# chart, one bar per period. In a group, a member naming exactly one
# Central Asian country is that country's share; any other member is the
# stated total. The shares need not add up to the total (the article's own
# numbers do not): the difference is shown as its own bar, "not broken
# down", and said in words under the title.
#
#   show FRAME ?STAGE?     STAGE is accepted for the screen table's sake;
#                          every chart is shown whatever the stage.
#   model DB               the charts as data (for tests): a list of dicts
#                          measure title unit series rows, see Model.

namespace eval ::kiosk::ui::charts {
    namespace export show model
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::course ::kiosk::ui::app::header \
        ::kiosk::ui::app::goto ::kiosk::ui::app::timer \
        ::kiosk::ui::app::exists
    # amount, noteText, periodText, found whatever order the files load in.
    namespace eval ::kiosk::ui::chartkit {}
    namespace path ::kiosk::ui::chartkit
    # Per-canvas state, keyed "$canvas,KEY": panels (the model), drawn (1
    # once the first drawing happened).
    variable state
    array set state {}
}

proc ::kiosk::ui::charts::show {f args} {
    variable state
    set back [list ::kiosk::ui::app::goto coursemap {*}$args]
    header $f -title [mc "Figures as charts"] -back $back
    if {[exists map]} {
        ttk::button $f.header.extra.map -text [mc "Map"] \
            -command [list ::kiosk::ui::app::goto map {*}$args]
        grid $f.header.extra.map
    }
    set c $f.chart
    canvas $c -highlightthickness 0 -background [::kiosk::ui::theme::color bg]
    grid $c -row 2 -column 0 -sticky nsew
    grid rowconfigure $f 2 -weight 1
    grid columnconfigure $f 0 -weight 1
    set state($c,panels) [model [course]]
    set state($c,drawn) 0
    # Shown over the canvas's right edge only when the charts do not fit.
    set state($c,sb) $f.sb
    ttk::scrollbar $f.sb -orient vertical -command [list $c yview]
    $c configure -yscrollcommand [list $f.sb set]
    foreach {ev step} {<Button-4> -1 <Button-5> 1} {
        bind $c $ev [list $c yview scroll $step units]
    }
    bind $c <MouseWheel> [list ::kiosk::ui::charts::Wheel $c %D]
    bind $c <Configure> [list ::kiosk::ui::charts::Resized $c]
    bind $c <<KioskRestyle>> [list ::kiosk::ui::charts::Draw $c]
    bind $c <Destroy> +[list ::kiosk::ui::charts::Forget %W]
    focus $c
}

### The model: figures -> charts.

# The charts of course DB, in order of their first year. Each is a dict:
#   measure  the group name less its years ("aid")
#   title    what the chart shows
#   unit     the figures' unit
#   series   list of dicts, one per period, oldest first:
#              grp period total (figure dict, or absent) parts (figure
#              dicts, each with `country` added) sum remainder (total - sum,
#              absent without a total)
#   rows     the bar rows top to bottom: list of dicts kind (total,
#            country, rest) and, for country, country and name
proc ::kiosk::ui::charts::model {db} {
    set region {}
    set names {}
    foreach c [$db countries] {
        dict set names [dict get $c id] [dict get $c name]
        if {[dict get $c in_region]} { lappend region [dict get $c id] }
    }
    # Figure groups, in the order the package returns them.
    set groups [dict create]
    foreach fig [$db figures] {
        if {![dict exists $fig grp]} { continue }
        dict lappend groups [dict get $fig grp] $fig
    }
    set measures [dict create]
    dict for {grp figs} $groups {
        set series [Series $grp $figs $region]
        if {$series eq ""} { continue }
        dict lappend measures [Measure $grp $figs] $series
    }
    set charts {}
    dict for {measure list} $measures {
        set list [lsort -integer -index 1 [lmap s $list {
            list $s [lindex [Years [dict get $s period]] 0]
        }]]
        set list [lmap pair $list { lindex $pair 0 }]
        if {[llength [lsort -unique [lmap s $list { dict get $s unit }]]] != 1} {
            # Periods in different units cannot share an axis: one chart each.
            foreach s $list {
                lappend charts [Chart [dict get $s grp] [list $s] $names]
            }
            continue
        }
        lappend charts [Chart $measure $list $names]
    }
    # Oldest chart first.
    set charts [lsort -integer -index 1 [lmap ch $charts {
        list $ch [lindex [Years [dict get [lindex [dict get $ch series] 0] period]] 0]
    }]]
    return [lmap pair $charts { lindex $pair 0 }]
}

# The first and last year of a KDATE period ("1992..2000" -> 1992 2000).
proc ::kiosk::ui::charts::Years {period} {
    set ys [regexp -all -inline {\d{4}} $period]
    if {![llength $ys]} { return {0 0} }
    return [list [lindex $ys 0] [lindex $ys end]]
}

# The measure a group stands for: its name less the years of its period
# ("aid-1992-2000" with period 1992..2000 -> "aid").
proc ::kiosk::ui::charts::Measure {grp figs} {
    set period ""
    foreach fig $figs {
        if {[dict exists $fig period]} { set period [dict get $fig period] ; break }
    }
    lassign [Years $period] y0 y1
    foreach suffix [list -$y0-$y1 -$y0] {
        if {$y0 != 0 && [string match *$suffix $grp]
                && [string length $grp] > [string length $suffix]} {
            return [string range $grp 0 end-[string length $suffix]]
        }
    }
    return $grp
}

# One period of a chart from the figures FIGS of group GRP, or "" when the
# group has no per-country member (nothing to draw as bars) or mixes units.
proc ::kiosk::ui::charts::Series {grp figs region} {
    set parts {}
    set totals {}
    set units {}
    foreach fig $figs {
        lappend units [dict get $fig unit]
        set in {}
        if {[dict exists $fig countries]} {
            foreach c [dict get $fig countries] {
                if {[dict get $c role] ne "absent" && [dict get $c country] in $region} {
                    lappend in [dict get $c country]
                }
            }
        }
        set in [lsort -unique $in]
        if {[llength $in] == 1} {
            dict set fig country [lindex $in 0]
            lappend parts $fig
        } else {
            lappend totals $fig
        }
    }
    if {![llength $parts] || [llength [lsort -unique $units]] != 1} {
        return ""
    }
    set sum 0.0
    foreach p $parts { set sum [expr {$sum + [dict get $p value]}] }
    set s [dict create grp $grp unit [lindex $units 0] parts $parts sum $sum]
    set period [dict get [lindex $figs 0] period]
    if {[llength $totals]} {
        # The largest of the others is the total (a well-formed group has
        # exactly one).
        set total [lindex $totals 0]
        foreach t $totals {
            if {[dict get $t value] > [dict get $total value]} { set total $t }
        }
        dict set s total $total
        dict set s remainder [expr {[dict get $total value] - $sum}]
        if {[dict exists $total period]} { set period [dict get $total period] }
    }
    dict set s period $period
    return $s
}

# A chart dict from its periods LIST (see model).
proc ::kiosk::ui::charts::Chart {measure list names} {
    # Countries ordered by their value in the latest period that has them.
    set value [dict create]
    foreach s $list {
        foreach p [dict get $s parts] {
            dict set value [dict get $p country] [dict get $p value]
        }
    }
    set countries [lsort -real -decreasing -stride 2 -index 1 $value]
    set rows {}
    set anyTotal 0
    set anyRest 0
    foreach s $list {
        if {[dict exists $s total]} {
            set anyTotal 1
            # Shares under half a percent of the total are rounding, not a gap.
            if {[dict get $s remainder] > 0.005 * [dict get $s total value]} {
                set anyRest 1
            }
        }
    }
    if {$anyTotal} { lappend rows [dict create kind total] }
    foreach {id v} $countries {
        set name $id
        if {[dict exists $names $id]} { set name [dict get $names $id] }
        lappend rows [dict create kind country country $id name $name]
    }
    if {$anyRest} { lappend rows [dict create kind rest] }
    return [dict create measure $measure title [Title $measure $list] \
        unit [dict get [lindex $list 0] unit] series $list rows $rows]
}

# The chart's title: the catalogue's words for a known measure, else the
# label of the total (or of the first share) as the course states it.
proc ::kiosk::ui::charts::Title {measure list} {
    switch -- $measure {
        aid        { return [mc "Japanese aid by recipient country"] }
        agreements { return [mc "Agreements signed on Abe's 2015 tour"] }
        fdi        { return [mc "Japanese investment built up (FDI stock)"] }
    }
    set s [lindex $list 0]
    if {[dict exists $s total]} { return [dict get $s total label] }
    return [dict get [lindex [dict get $s parts] 0] label]
}

### Drawing.

proc ::kiosk::ui::charts::Resized {c} {
    variable state
    if {!$state($c,drawn)} {
        # The first drawing at once: the screen is not shown empty.
        Draw $c
        return
    }
    timer $c redraw 60 [list ::kiosk::ui::charts::Draw $c]
}

# Draw every chart on canvas C at its current size.
proc ::kiosk::ui::charts::Draw {c} {
    variable state
    if {![winfo exists $c]} { return }
    set w [winfo width $c]
    set h [winfo height $c]
    if {$w < 100 || $h < 100} { return }
    set state($c,drawn) 1
    set state($c,n) 0
    $c configure -background [::kiosk::ui::theme::color bg]
    $c delete all
    set panels $state($c,panels)
    if {![llength $panels]} {
        $c create text [expr {$w / 2}] [expr {$h / 2}] -font KioskHead \
            -fill [::kiosk::ui::theme::color muted] \
            -text [mc "This course has no figures to chart."]
        ::kiosk::ui::chartkit::nav $c {}
        return
    }
    # Charts with several periods take the full width, one above the
    # other; the rest share the last row. Each row gets the height its
    # text and bars need at this width and font size; what is left is
    # shared out by bar count. When even that does not fit (large text
    # on a small screen) the canvas scrolls instead of squeezing.
    set wide {}
    set narrow {}
    foreach p $panels {
        if {[llength [dict get $p series]] > 1} { lappend wide $p } else { lappend narrow $p }
    }
    set rows {}
    foreach p $wide { lappend rows [list $p] }
    if {[llength $narrow]} { lappend rows $narrow }
    set pad 14
    set sb $state($c,sb)
    set sbw [winfo reqwidth $sb]
    foreach scroll {0 1} {
        set right [expr {$scroll ? $pad + $sbw : $pad}]
        set needs {}
        set weights {}
        foreach row $rows {
            set n [llength $row]
            set pw [expr {($w - $pad * ($n - 1) - $pad - $right) / double($n)}]
            set need 0
            set wt 0
            foreach p $row {
                set need [expr {max($need, [Natural $c $p $pw])}]
                set wt [expr {max($wt, [llength [dict get $p rows]] * [llength [dict get $p series]])}]
            }
            lappend needs $need
            lappend weights $wt
        }
        set total [expr {[tcl::mathop::+ {*}$needs] + $pad * ([llength $rows] + 1)}]
        if {$total <= $h} { break }
    }
    set extra [expr {max(0, $h - $total)}]
    set wsum [tcl::mathop::+ {*}$weights]
    if {$scroll} {
        $c configure -scrollregion [list 0 0 $w $total]
        place $sb -in $c -relx 1 -rely 0 -relheight 1 -anchor ne
    } else {
        $c configure -scrollregion {}
        $c yview moveto 0
        place forget $sb
    }
    set y $pad
    set items {}
    foreach row $rows need $needs wt $weights {
        set rh [expr {$need + $extra * $wt / double(max(1, $wsum))}]
        set n [llength $row]
        set pw [expr {($w - $pad * ($n - 1) - $pad - $right) / double($n)}]
        set x $pad
        foreach p $row {
            lappend items {*}[Panel $c $p $x $y [expr {$x + $pw}] [expr {$y + $rh}]]
            set x [expr {$x + $pw + $pad}]
        }
        set y [expr {$y + $rh + $pad}]
    }
    ::kiosk::ui::chartkit::nav $c $items
}

# The height chart P needs at width PW: its title, legend and captions as
# wrapped at that width, and rows tall enough for their labels.
proc ::kiosk::ui::charts::Natural {c p pw} {
    set pad 14
    set bottom [Header $c $p 0 0 $pw measure]
    $c delete measure
    set rowMin [expr {max([font metrics KioskBody -linespace] + 6,
        [llength [dict get $p series]] * ([font metrics KioskSmall -linespace] + 2) + 6)}]
    return [expr {$bottom + [llength [dict get $p rows]] * $rowMin + $pad}]
}

# The colour of period I of N: one colour for a lone period.
proc ::kiosk::ui::charts::SeriesColor {i} {
    return [::kiosk::ui::theme::color [lindex {accent right note mark} [expr {$i % 4}]]]
}

# Draw chart P in the box X0 Y0 X1 Y1; returns its nav items
# ({fact-id tag} pairs, top to bottom).
proc ::kiosk::ui::charts::Panel {c p x0 y0 x1 y1} {
    set pad 14
    $c create rectangle $x0 $y0 $x1 $y1 -fill [::kiosk::ui::theme::color panel] \
        -outline [::kiosk::ui::theme::color border] -tags panel
    set y [Header $c $p $x0 $y0 $x1 {}]
    return [Bars $c $p [expr {$x0 + $pad}] $y [expr {$x1 - $pad}] [expr {$y1 - $pad}]]
}

# Draw chart P's title, legend and captions at the top of the box from X0
# Y0 to X1, with TAGS added to every item; returns the y below them.
proc ::kiosk::ui::charts::Header {c p x0 y0 x1 tags} {
    set fg [::kiosk::ui::theme::color fg]
    set muted [::kiosk::ui::theme::color muted]
    set pad 14
    set wrap [expr {int($x1 - $x0 - 2 * $pad)}]
    set y [expr {$y0 + $pad}]
    set id [$c create text [expr {$x0 + $pad}] $y -anchor nw -font KioskHead \
        -fill $fg -text [dict get $p title] -width $wrap -tags [concat title $tags]]
    set y [expr {[lindex [$c bbox $id] 3] + 4}]
    set series [dict get $p series]
    # Legend: one swatch per period.
    set x [expr {$x0 + $pad}]
    set ls [font metrics KioskSmall -linespace]
    set i 0
    foreach s $series {
        set col [SeriesColor $i]
        $c create rectangle $x [expr {$y + 3}] [expr {$x + $ls - 6}] \
            [expr {$y + $ls - 3}] -fill $col -outline $col -tags [concat legend $tags]
        set x [expr {$x + $ls}]
        set id [$c create text $x $y -anchor nw -font KioskSmall -fill $fg \
            -text [periodText [dict get $s period]] -tags [concat legend $tags]]
        set x [expr {[lindex [$c bbox $id] 2] + 18}]
        incr i
    }
    set y [expr {$y + $ls + 2}]
    # What the totals say, in words.
    foreach s $series {
        set text [Caption $s [expr {[llength $series] > 1}]]
        if {$text eq ""} { continue }
        set id [$c create text [expr {$x0 + $pad}] $y -anchor nw \
            -font KioskSmall -fill $muted -text $text -width $wrap \
            -tags [concat caption $tags]]
        set y [expr {[lindex [$c bbox $id] 3] + 2}]
    }
    return [expr {$y + 6}]
}

# The sentence under a chart's title about one period's total.
proc ::kiosk::ui::charts::Caption {s withPeriod} {
    if {![dict exists $s total]} {
        return [mc "No total is stated: the bars are the countries the course gives figures for."]
    }
    set unit [dict get $s unit]
    set total [dict get $s total]
    set t [amount [dict get $total value] $unit [dict get $total approx]]
    set note [noteText [dict get $total source]]
    set sum [amount [dict get $s sum] $unit]
    set rest [dict get $s remainder]
    set lead ""
    if {$withPeriod} { set lead "[periodText [dict get $s period]]: " }
    set parts [dict get $s parts]
    if {$rest > 0.005 * [dict get $total value] && [llength $parts] == 1} {
        return $lead[mc "stated total %1\$s (%2\$s); %3\$s accounts for %4\$s, so %5\$s is not broken down by country." \
            $t $note [PartName [lindex $parts 0]] $sum [amount $rest $unit]]
    } elseif {$rest > 0.005 * [dict get $total value]} {
        return $lead[mc "stated total %1\$s (%2\$s); the countries named add up to %3\$s, so %4\$s is not broken down by country." \
            $t $note $sum [amount $rest $unit]]
    } elseif {$rest < -0.005 * [dict get $total value]} {
        return $lead[mc "stated total %1\$s (%2\$s); the countries named add up to %3\$s, more than the total." \
            $t $note $sum]
    }
    return $lead[mc "stated total %1\$s (%2\$s), all of it broken down by country." $t $note]
}

# The bars of chart P in the box X0 Y0 X1 Y1. Returns the nav items.
proc ::kiosk::ui::charts::Bars {c p x0 y0 x1 y1} {
    set fg [::kiosk::ui::theme::color fg]
    set noteCol [::kiosk::ui::theme::color note]
    set muted [::kiosk::ui::theme::color muted]
    set unit [dict get $p unit]
    set series [dict get $p series]
    set rows [dict get $p rows]
    set ns [llength $series]
    # Every bar first as data: row, period, value, fact, label, note, kind.
    set bars {}
    set ri 0
    foreach row $rows {
        set si 0
        foreach s $series {
            set bar ""
            switch -- [dict get $row kind] {
                total {
                    if {[dict exists $s total]} {
                        set f [dict get $s total]
                        set bar [list [dict get $f value] [dict get $f id] \
                            [dict get $f approx] [dict get $f source]]
                    }
                }
                rest {
                    if {[dict exists $s total] && [dict get $s remainder] > 0} {
                        set f [dict get $s total]
                        set bar [list [dict get $s remainder] [dict get $f id] 0 \
                            [dict get $f source]]
                    }
                }
                country {
                    foreach f [dict get $s parts] {
                        if {[dict get $f country] eq [dict get $row country]} {
                            set bar [list [dict get $f value] [dict get $f id] \
                                [dict get $f approx] [dict get $f source]]
                        }
                    }
                }
            }
            if {$bar ne ""} {
                lappend bars [list $ri $si {*}$bar [dict get $row kind]]
            }
            incr si
        }
        incr ri
    }
    # Room for the row names on the left and the value labels on the right.
    set nameW 0
    foreach row $rows {
        set nameW [expr {max($nameW, [font measure KioskBody [RowName $row]])}]
    }
    set valW 0
    foreach b $bars {
        lassign $b ri si value fact approx source
        set t "[amount $value $unit $approx]  [noteText $source]"
        set valW [expr {max($valW, [font measure KioskSmall $t])}]
    }
    set xl [expr {$x0 + $nameW + 12}]
    set maxLen [expr {$x1 - $xl - $valW - 12}]
    set maxV 0
    foreach b $bars { set maxV [expr {max($maxV, [lindex $b 2])}] }
    if {$maxV <= 0 || $maxLen < 20} { return {} }
    set rowH [expr {($y1 - $y0) / double([llength $rows])}]
    set barH [expr {max(4.0, min(30.0, ($rowH - 6) / $ns))}]
    set fontH [font metrics KioskSmall -linespace]
    # Row names and the axis line.
    set ri 0
    foreach row $rows {
        set ym [expr {$y0 + ($ri + 0.5) * $rowH}]
        $c create text [expr {$xl - 10}] $ym -anchor e -font KioskBody \
            -fill $fg -text [RowName $row] -tags rowname
        incr ri
    }
    $c create line $xl $y0 $xl $y1 -fill $muted -tags axis
    variable state
    set items {}
    foreach b $bars {
        lassign $b ri si value fact approx source kind
        set col [SeriesColor $si]
        set top [expr {$y0 + $ri * $rowH + ($rowH - $ns * $barH) / 2 + $si * $barH}]
        set bot [expr {$top + $barH - 2}]
        set len [expr {max(2.0, $maxLen * $value / double($maxV))}]
        # Numbered across the canvas: a tag names one bar of one chart.
        set tag b:[incr state($c,n)]
        set opts [list -fill $col -outline $col]
        switch -- $kind {
            total { set opts [list -fill {} -outline $col -width 2] }
            rest  { set opts [list -fill $col -outline $col -stipple gray25] }
        }
        $c create rectangle $xl $top [expr {$xl + $len}] $bot {*}$opts \
            -tags [list barrect $tag fact:$fact kind:$kind]
        set ym [expr {($top + $bot) / 2.0}]
        set font KioskSmall
        set id [$c create text [expr {$xl + $len + 6}] $ym -anchor w \
            -font $font -fill $fg -text [amount $value $unit $approx] \
            -tags [list value $tag fact:$fact]]
        $c create text [expr {[lindex [$c bbox $id] 2] + 6}] $ym -anchor w \
            -font $font -fill $noteCol -text [noteText $source] \
            -tags [list note $tag fact:$fact]
        lappend items [list $fact $tag]
    }
    return $items
}

# The name of the country a share (from Series) is for.
proc ::kiosk::ui::charts::PartName {fig} {
    foreach c [dict get $fig countries] {
        if {[dict get $c country] eq [dict get $fig country]} {
            return [dict get $c name]
        }
    }
    return [dict get $fig country]
}

proc ::kiosk::ui::charts::RowName {row} {
    switch -- [dict get $row kind] {
        total   { return [mc "Stated total"] }
        rest    { return [mc "Not broken down"] }
        default { return [dict get $row name] }
    }
}

proc ::kiosk::ui::charts::Wheel {c delta} {
    $c yview scroll [expr {$delta > 0 ? -1 : 1}] units
}

proc ::kiosk::ui::charts::Forget {c} {
    variable state
    array unset state [string map {* \\* ? \\? [ \\[ ] \\]} $c],*
}
