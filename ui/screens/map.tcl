# map.tcl: the map screen. The five Central Asian states and their
# neighbours, the places the course names (from the places table, by
# latitude and longitude) and the routes it names, drawn on a canvas.
#
# Borders come from the course folder's map/central-asia.tsv (Natural
# Earth, converted once by data/map/convert-natural-earth.mjs; see
# data/map/README.md). The file is read with plain string parsing: it is
# data, nothing in it is evaluated. Places outside the map (Tokyo) are
# shown as arrows at its edge. A route (places of kind "route") is drawn as
# a dashed line through the countries it involves, west to east, with the
# figures the course gives for it: it is a schematic, not a surveyed line.
#
#   show FRAME ?STAGE?     STAGE is accepted for the screen table's sake.
#   borders FILE           the parsed border file (for tests), see Read.

namespace eval ::kiosk::ui::map {
    namespace export show borders
    namespace import ::msgcat::mc
    namespace import ::kiosk::ui::app::course ::kiosk::ui::app::header \
        ::kiosk::ui::app::goto ::kiosk::ui::app::timer \
        ::kiosk::ui::app::exists ::kiosk::ui::app::opt
    # amount, noteText, periodText, found whatever order the files load in.
    namespace eval ::kiosk::ui::chartkit {}
    namespace path ::kiosk::ui::chartkit
    # Per-canvas state, keyed "$canvas,KEY": map (parsed borders), places,
    # routes, names (country id -> name), drawn.
    variable state
    array set state {}
    # Parsed border files: path -> {mtime dict}.
    variable cache
    array set cache {}
    # The projection: an equidistant conic with these standard parallels,
    # which keeps Kazakhstan's northern steppe from stretching sideways.
    variable parallels {40.0 50.0}
}

proc ::kiosk::ui::map::show {f args} {
    variable state
    header $f -title [mc "Central Asia on the map"] \
        -back [list ::kiosk::ui::app::goto coursemap {*}$args]
    if {[exists charts]} {
        ttk::button $f.header.extra.charts -text [mc "Charts"] \
            -command [list ::kiosk::ui::app::goto charts {*}$args]
        grid $f.header.extra.charts
    }
    set c $f.map
    canvas $c -highlightthickness 0 -background [::kiosk::ui::theme::color select]
    grid $c -row 2 -column 0 -sticky nsew
    grid rowconfigure $f 2 -weight 1
    grid columnconfigure $f 0 -weight 1
    set file [file join [opt course] map central-asia.tsv]
    set state($c,file) $file
    set state($c,map) ""
    if {[file exists $file]} {
        set state($c,map) [borders $file]
    }
    Facts $c [course]
    set state($c,drawn) 0
    bind $c <Configure> [list ::kiosk::ui::map::Resized $c]
    bind $c <<KioskRestyle>> [list ::kiosk::ui::map::Draw $c]
    bind $c <Destroy> +[list ::kiosk::ui::map::Forget %W]
    focus $c
}

### The border file.

# The borders in FILE as a dict: box {lon0 lat0 lon1 lat1}, countries (id
# -> dict name region label {lon lat} rings {{lon lat lon lat ...} ...}).
# Parsed once per file and modification time. Errors: -errorcode
# {KIOSK IO MAP FILE LINE}, message "FILE:LINE: ...".
proc ::kiosk::ui::map::borders {file} {
    variable cache
    set mtime [file mtime $file]
    if {[info exists cache($file)] && [lindex $cache($file) 0] == $mtime} {
        return [lindex $cache($file) 1]
    }
    set fh [open $file r]
    try {
        fconfigure $fh -encoding utf-8
        set text [read $fh]
    } finally {
        close $fh
    }
    set map [Read $file $text]
    set cache($file) [list $mtime $map]
    return $map
}

proc ::kiosk::ui::map::Read {file text} {
    set box ""
    set countries [dict create]
    set n 0
    foreach line [split $text \n] {
        incr n
        if {$line eq "" || [string index $line 0] eq "#"} { continue }
        set fields [split $line \t]
        switch -- [lindex $fields 0] {
            box {
                set box [lrange $fields 1 4]
                if {[llength $fields] != 5} { Bad $file $n "a box row has 4 values" }
                foreach v $box { Number $file $n $v }
            }
            country {
                if {[llength $fields] != 6} { Bad $file $n "a country row has 5 fields" }
                lassign $fields - id name region lon lat
                Number $file $n $lon
                Number $file $n $lat
                if {$region ni {0 1}} { Bad $file $n "in_region must be 0 or 1" }
                dict set countries $id [dict create name $name region $region \
                    label [list $lon $lat] rings {}]
            }
            ring {
                if {[llength $fields] != 4} { Bad $file $n "a ring row has 3 fields" }
                lassign $fields - id index coords
                if {![dict exists $countries $id]} {
                    Bad $file $n "ring of unknown country \"$id\""
                }
                set pts [split $coords " "]
                if {[llength $pts] < 6 || [llength $pts] % 2} {
                    Bad $file $n "a ring needs at least 3 lon lat pairs"
                }
                foreach v $pts { Number $file $n $v }
                set cty [dict get $countries $id]
                dict lappend cty rings $pts
                dict set countries $id $cty
            }
            default {
                Bad $file $n "unknown row \"[lindex $fields 0]\""
            }
        }
    }
    if {$box eq ""} { Bad $file $n "no box row" }
    return [dict create box $box countries $countries]
}

proc ::kiosk::ui::map::Number {file n v} {
    if {![string is double -strict $v]} {
        Bad $file $n "\"$v\" is not a number"
    }
}

proc ::kiosk::ui::map::Bad {file n msg} {
    return -code error -level 2 -errorcode [list KIOSK IO MAP $file $n] \
        "$file:$n: $msg"
}

### What the course says: places, routes and their figures.

proc ::kiosk::ui::map::Facts {c db} {
    variable state
    set names [dict create]
    foreach row [$db countries] {
        dict set names [dict get $row id] [dict get $row name]
    }
    set places {}
    set routes {}
    foreach p [$db places] {
        if {[dict get $p kind] eq "route"} {
            lappend routes $p
        } elseif {[dict exists $p lat] && [dict exists $p lon]} {
            lappend places $p
        }
    }
    # A route's countries and figures: the figures of its stage that
    # involve exactly the same countries (the pipeline's length, capacity
    # and cost). A route involving fewer than two countries is not drawn.
    set drawn {}
    foreach r $routes {
        set fact [$db fact [dict get $r id]]
        set cs [lsort -unique [lmap x [dict get $fact countries] { dict get $x country }]]
        if {[llength $cs] < 2} { continue }
        set figs {}
        foreach fig [$db figures -stage [dict get $r stage]] {
            set fcs [lsort -unique [lmap x [dict get $fig countries] { dict get $x country }]]
            if {$fcs eq $cs} { lappend figs $fig }
        }
        # Quantities first, then money: "8,000 km, 30 bcm a year, $9 billion".
        set figs [lsort -command ::kiosk::ui::map::ByUnit $figs]
        dict set r countries $cs
        dict set r figures $figs
        lappend drawn $r
    }
    set state($c,names) $names
    set state($c,places) $places
    set state($c,routes) $drawn
}

proc ::kiosk::ui::map::ByUnit {a b} {
    set order {km bcm/yr count USD}
    set ia [lsearch -exact $order [dict get $a unit]]
    set ib [lsearch -exact $order [dict get $b unit]]
    if {$ia != $ib} { return [expr {$ia < $ib ? -1 : 1}] }
    return [string compare [dict get $a id] [dict get $b id]]
}

### Projection.

# Set the conic for central meridian LON0; returns nothing.
proc ::kiosk::ui::map::Conic {c lon0} {
    variable state
    variable parallels
    set r [expr {acos(-1) / 180.0}]
    lassign $parallels p1 p2
    set n [expr {(cos($p1 * $r) - cos($p2 * $r)) / (($p2 - $p1) * $r)}]
    set g [expr {cos($p1 * $r) / $n + $p1 * $r}]
    set state($c,proj) [list $lon0 $n $g $r]
}

# Project a flat list of lon lat pairs to projection units (y up).
proc ::kiosk::ui::map::Project {c pts} {
    variable state
    lassign $state($c,proj) lon0 n g r
    set out {}
    foreach {lon lat} $pts {
        set rho [expr {$g - $lat * $r}]
        set th [expr {$n * ($lon - $lon0) * $r}]
        lappend out [expr {$rho * sin($th)}] [expr {-$rho * cos($th)}]
    }
    return $out
}

# Projected pairs to canvas pixels with the current fit.
proc ::kiosk::ui::map::Screen {c xy} {
    variable state
    lassign $state($c,fit) s dx dy
    set out {}
    foreach {x y} $xy {
        lappend out [expr {$x * $s + $dx}] [expr {$dy - $y * $s}]
    }
    return $out
}

proc ::kiosk::ui::map::Pixel {c lon lat} {
    return [Screen $c [Project $c [list $lon $lat]]]
}

### Drawing.

proc ::kiosk::ui::map::Resized {c} {
    variable state
    if {!$state($c,drawn)} {
        Draw $c
        return
    }
    timer $c redraw 60 [list ::kiosk::ui::map::Draw $c]
}

proc ::kiosk::ui::map::Draw {c} {
    variable state
    if {![winfo exists $c]} { return }
    set w [winfo width $c]
    set h [winfo height $c]
    if {$w < 100 || $h < 100} { return }
    set state($c,drawn) 1
    $c configure -background [::kiosk::ui::theme::color select]
    $c delete all
    set map $state($c,map)
    if {$map eq ""} {
        $c create text [expr {$w / 2}] [expr {$h / 2}] -font KioskHead \
            -fill [::kiosk::ui::theme::color fg] -width [expr {$w - 40}] \
            -text [mc "This course has no map: %s is missing." $state($c,file)]
        ::kiosk::ui::chartkit::nav $c {}
        return
    }
    # Borders, then what must stay readable, placed so that no text covers
    # another: marks, route lines, the legend, the five names, the routes'
    # figures (the largest boxes), place names, the neighbours' names.
    # A name with no free spot even in a smaller font is left out (its
    # mark still opens its card); that happens only with very large text
    # on a small display.
    Fit $c $map $w $h
    Countries $c $map
    set places [Marks $c $w $h]
    set routes [RouteLines $c $map $w $h]
    $c raise mark routeline
    Legend $c $w $h
    CountryNames $c $map 1 $w $h
    lassign [RouteBoxes $c $routes $w $h] boxes moved
    CountryNames $c $map 1 $w $h $moved
    set items [PlaceNames $c $places $w $h]
    lappend items {*}$boxes
    CountryNames $c $map 0 $w $h
    ::kiosk::ui::chartkit::nav $c $items
}

# Choose the projection and the scale so that the five states (and every
# place inside the file's box) fill the canvas with a margin.
proc ::kiosk::ui::map::Fit {c map w h} {
    variable state
    set lons {}
    set lats {}
    dict for {id cty} [dict get $map countries] {
        if {![dict get $cty region]} { continue }
        foreach ring [dict get $cty rings] {
            foreach {lon lat} $ring { lappend lons $lon ; lappend lats $lat }
        }
    }
    if {![llength $lons]} {
        lassign [dict get $map box] lon0 lat0 lon1 lat1
        set lons [list $lon0 $lon1]
        set lats [list $lat0 $lat1]
    }
    lassign [dict get $map box] b0 a0 b1 a1
    foreach p $state($c,places) {
        set lon [dict get $p lon]
        set lat [dict get $p lat]
        if {$lon >= $b0 && $lon <= $b1 && $lat >= $a0 && $lat <= $a1} {
            lappend lons $lon ; lappend lats $lat
        }
    }
    set lon0 [tcl::mathfunc::min {*}$lons]
    set lon1 [tcl::mathfunc::max {*}$lons]
    set lat0 [tcl::mathfunc::min {*}$lats]
    set lat1 [tcl::mathfunc::max {*}$lats]
    Conic $c [expr {($lon0 + $lon1) / 2.0}]
    # The projected extent of the lon/lat box (its edges are curves).
    set edge {}
    for {set i 0} {$i <= 8} {incr i} {
        set lon [expr {$lon0 + ($lon1 - $lon0) * $i / 8.0}]
        set lat [expr {$lat0 + ($lat1 - $lat0) * $i / 8.0}]
        lappend edge $lon $lat0 $lon $lat1 $lon0 $lat $lon1 $lat
    }
    set xs {}
    set ys {}
    foreach {x y} [Project $c $edge] { lappend xs $x ; lappend ys $y }
    set x0 [tcl::mathfunc::min {*}$xs]
    set x1 [tcl::mathfunc::max {*}$xs]
    set y0 [tcl::mathfunc::min {*}$ys]
    set y1 [tcl::mathfunc::max {*}$ys]
    # A margin for labels, more at the bottom for the legend.
    set mx [expr {$w * 0.06}]
    set my [expr {$h * 0.06}]
    set s [expr {min(($w - 2 * $mx) / ($x1 - $x0), ($h - 2.6 * $my) / ($y1 - $y0))}]
    set dx [expr {$w / 2.0 - $s * ($x0 + $x1) / 2.0}]
    set dy [expr {($h - 0.6 * $my) / 2.0 + $s * ($y0 + $y1) / 2.0}]
    set state($c,fit) [list $s $dx $dy]
}

proc ::kiosk::ui::map::Countries {c map} {
    set land [::kiosk::ui::theme::color trough]
    set home [::kiosk::ui::theme::color fact]
    set border [::kiosk::ui::theme::color border]
    set fg [::kiosk::ui::theme::color fg]
    # Neighbours first, the five on top so their borders show in full.
    foreach pass {0 1} {
        dict for {id cty} [dict get $map countries] {
            if {[dict get $cty region] != $pass} { continue }
            set fill [expr {$pass ? $home : $land}]
            set line [expr {$pass ? $fg : $border}]
            set tags [list country cc:$id]
            if {$pass} { lappend tags region }
            foreach ring [dict get $cty rings] {
                $c create polygon [Screen $c [Project $c $ring]] -fill $fill \
                    -outline $line -width [expr {$pass ? 1.5 : 1}] -tags $tags
            }
        }
    }
}

# 1 when the box X0 Y0 X1 Y1 is on the canvas (W H) and clear of the
# labels, marks and route lines drawn so far, other than those tagged
# IGNORE ("*": ignore them all, only the canvas counts).
proc ::kiosk::ui::map::Free {c x0 y0 x1 y1 w h {ignore ""}} {
    return [expr {[Crowd $c $x0 $y0 $x1 $y1 $w $h $ignore] == 0}]
}

# How many labels, marks and route lines (less those tagged IGNORE) the
# box X0 Y0 X1 Y1 would cover; a large number when it is off the canvas.
proc ::kiosk::ui::map::Crowd {c x0 y0 x1 y1 w h {ignore ""}} {
    if {$x0 < 2 || $y0 < 2 || $x1 > $w - 2 || $y1 > $h - 2} { return 1000 }
    if {$ignore eq "*"} { return 0 }
    set n 0
    foreach id [$c find overlapping [expr {$x0 - 3}] [expr {$y0 - 1}] \
            [expr {$x1 + 3}] [expr {$y1 + 1}]] {
        set tags [$c gettags $id]
        if {$ignore ne "" && $ignore in $tags} { continue }
        if {"label" in $tags || "mark" in $tags || "legend" in $tags
                || "routeline" in $tags} {
            incr n
        }
    }
    return $n
}

# Put text TEXT near point X Y (a mark of radius R): right, left, above,
# below, the diagonals, then further out: the first spot that is free (a
# route line may run under a name: the halo keeps it readable). Returns
# the item.
proc ::kiosk::ui::map::Label {c x y r text font fill tags w h} {
    set wd [font measure $font $text]
    set ht [font metrics $font -linespace]
    set g [expr {$r + 4}]
    set tries {}
    foreach k {1 2 3 4 5 6} {
        set d [expr {$g + ($k - 1) * $ht}]
        set e [expr {$g * 0.7 + ($k - 1) * $ht}]
        lappend tries \
            [list [expr {$x + $d}] [expr {$y - $ht / 2.0}]] \
            [list [expr {$x - $d - $wd}] [expr {$y - $ht / 2.0}]] \
            [list [expr {$x - $wd / 2.0}] [expr {$y - $d - $ht}]] \
            [list [expr {$x - $wd / 2.0}] [expr {$y + $d}]] \
            [list [expr {$x + $e}] [expr {$y - $e - $ht}]] \
            [list [expr {$x + $e}] [expr {$y + $e}]] \
            [list [expr {$x - $e - $wd}] [expr {$y - $e - $ht}]] \
            [list [expr {$x - $e - $wd}] [expr {$y + $e}]]
    }
    # The first free spot; failing that, the same in the small font;
    # failing that, no name.
    set best ""
    foreach t $tries {
        lassign $t lx ly
        if {[Crowd $c $lx $ly [expr {$lx + $wd}] [expr {$ly + $ht}] $w $h routeline] == 0} {
            set best $t
            break
        }
    }
    if {$best eq ""} {
        if {$font ne "KioskSmall"} {
            return [Label $c $x $y $r $text KioskSmall $fill $tags $w $h]
        }
        return ""
    }
    lassign $best lx ly
    # A name set further out than the first ring is tied to its mark.
    if {[lsearch -exact $tries $best] >= 8} {
        set nx [expr {min(max($x, $lx), $lx + $wd)}]
        set ny [expr {min(max($y, $ly), $ly + $ht)}]
        set id [$c create line $x $y $nx $ny -width 1.5 \
            -fill [::kiosk::ui::theme::color fg] -tags [concat $tags leader]]
        # Under every name, over the land.
        catch {$c lower $id label}
        catch {$c lower $id halo}
        $c raise mark
    }
    $c create rectangle [expr {$lx - 2}] $ly [expr {$lx + $wd + 2}] \
        [expr {$ly + $ht}] -fill [::kiosk::ui::theme::color panel] \
        -outline {} -stipple gray50 -tags [concat $tags halo]
    return [$c create text $lx $ly -anchor nw -text $text -font $font \
        -fill $fill -tags [concat $tags label]]
}

# Where the ray from the canvas centre to X Y leaves the canvas less a
# margin M: how an off-map place is pointed at.
proc ::kiosk::ui::map::EdgePoint {x y w h m} {
    set cx [expr {$w / 2.0}]
    set cy [expr {$h / 2.0}]
    set dx [expr {$x - $cx}]
    set dy [expr {$y - $cy}]
    set t 1.0
    if {$dx > 0} { set t [expr {min($t, ($w - $m - $cx) / $dx)}] }
    if {$dx < 0} { set t [expr {min($t, ($m - $cx) / $dx)}] }
    if {$dy > 0} { set t [expr {min($t, ($h - $m - $cy) / $dy)}] }
    if {$dy < 0} { set t [expr {min($t, ($m - $cy) / $dy)}] }
    return [list [expr {$cx + $t * $dx}] [expr {$cy + $t * $dy}]]
}

# 1 when X Y is on the canvas W H, M pixels in from its edges.
proc ::kiosk::ui::map::Inside {x y w h m} {
    return [expr {$x >= $m && $y >= $m && $x <= $w - $m && $y <= $h - $m}]
}

# The marks of the places with coordinates, west to east; those off the
# canvas as arrows at its edge. Returns the places as {place x y off}.
proc ::kiosk::ui::map::Marks {c w h} {
    variable state
    set out {}
    foreach p [lsort -real -index 1 [lmap p $state($c,places) {
            list $p [dict get $p lon] }]] {
        set p [lindex $p 0]
        lassign [Pixel $c [dict get $p lon] [dict get $p lat]] x y
        set id [dict get $p id]
        set tags [list place fact:$id t:$id mark]
        if {[Inside $x $y $w $h 10]} {
            Mark $c [dict get $p kind] $x $y $tags
            lappend out [list $p $x $y 0]
            continue
        }
        lassign [EdgePoint $x $y $w $h 20] ex ey
        set len [expr {hypot($x - $ex, $y - $ey)}]
        set x0 [expr {$ex - 44 * ($x - $ex) / $len}]
        set y0 [expr {$ey - 44 * ($y - $ey) / $len}]
        $c create line $x0 $y0 $ex $ey -arrow last -width 3 \
            -arrowshape {12 14 6} -fill [::kiosk::ui::theme::color mark] \
            -tags [concat $tags offmap]
        lappend out [list $p $x0 $y0 1]
    }
    return $out
}

# The names of PLACES (from Marks). Returns the nav items.
proc ::kiosk::ui::map::PlaceNames {c places w h} {
    set fg [::kiosk::ui::theme::color fg]
    set items {}
    foreach pl $places {
        lassign $pl p x y off
        set id [dict get $p id]
        set text [dict get $p name]
        set r 7
        if {$off} {
            set r 2
            set name [CountryName $c [dict get $p country]]
            if {$name ne ""} {
                set text [mc "%1\$s (%2\$s), off the map" $text $name]
            }
        }
        Label $c $x $y $r $text KioskBold $fg [list place fact:$id t:$id] $w $h
        lappend items [list $id t:$id]
    }
    return $items
}

proc ::kiosk::ui::map::Mark {c kind x y tags} {
    set mark [::kiosk::ui::theme::color mark]
    set accent [::kiosk::ui::theme::color accent]
    set edge [::kiosk::ui::theme::color panel]
    switch -- $kind {
        field {
            $c create polygon $x [expr {$y - 8}] [expr {$x + 8}] $y \
                $x [expr {$y + 8}] [expr {$x - 8}] $y -fill $accent \
                -outline $edge -width 1.5 -tags $tags
        }
        river {
            $c create line [expr {$x - 10}] $y [expr {$x - 5}] [expr {$y - 5}] \
                $x $y [expr {$x + 5}] [expr {$y + 5}] [expr {$x + 10}] $y \
                -smooth 1 -width 4 -fill $accent -tags $tags
        }
        default {
            $c create oval [expr {$x - 6}] [expr {$y - 6}] [expr {$x + 6}] \
                [expr {$y + 6}] -fill $mark -outline $edge -width 1.5 -tags $tags
        }
    }
}

proc ::kiosk::ui::map::CountryName {c id} {
    variable state
    if {$id ne "" && [dict exists $state($c,names) $id]} {
        return [dict get $state($c,names) $id]
    }
    return ""
}

# Where a route touches country ID, in pixels: the centre of what the
# canvas shows of it (VisibleCentre); for a country not on the map, the
# first place in it the course locates, pointed at from the edge when it
# is off the canvas. "" when nothing is known.
proc ::kiosk::ui::map::Anchor {c map id w h} {
    variable state
    if {[dict exists $map countries $id]} {
        set pt [VisibleCentre $c [dict get $map countries $id] $w $h]
        if {$pt ne ""} { return $pt }
    }
    foreach p $state($c,places) {
        if {[dict exists $p country] && [dict get $p country] eq $id} {
            lassign [Pixel $c [dict get $p lon] [dict get $p lat]] x y
            if {[Inside $x $y $w $h 10]} { return [list $x $y] }
            return [EdgePoint $x $y $w $h 20]
        }
    }
    return ""
}

# Where country CTY's name goes: its label point when that is well inside
# the canvas, else the centroid of the largest piece of it the canvas
# shows (China, Mongolia). "" when none of it is on the canvas.
proc ::kiosk::ui::map::VisibleCentre {c cty w h} {
    set m 30
    lassign [Pixel $c {*}[dict get $cty label]] x y
    if {[Inside $x $y $w $h $m]} { return [list $x $y] }
    set best ""
    set bestA 0
    foreach ring [dict get $cty rings] {
        set pts [ClipRect [Screen $c [Project $c $ring]] $m $m \
            [expr {$w - $m}] [expr {$h - $m}]]
        if {[llength $pts] < 6} { continue }
        set a 0.0
        set cx 0.0
        set cy 0.0
        foreach {x0 y0} $pts {x1 y1} [concat [lrange $pts 2 end] [lrange $pts 0 1]] {
            set f [expr {$x0 * $y1 - $x1 * $y0}]
            set a [expr {$a + $f}]
            set cx [expr {$cx + ($x0 + $x1) * $f}]
            set cy [expr {$cy + ($y0 + $y1) * $f}]
        }
        if {abs($a) > $bestA} {
            set bestA [expr {abs($a)}]
            set best [list [expr {$cx / (3 * $a)}] [expr {$cy / (3 * $a)}]]
        }
    }
    return $best
}

# The polygon PTS (flat x y list) clipped to the rectangle X0 Y0 X1 Y1
# (Sutherland-Hodgman, one edge at a time).
proc ::kiosk::ui::map::ClipRect {pts x0 y0 x1 y1} {
    foreach {axis side v} [list 0 1 $x0 0 -1 $x1 1 1 $y0 1 -1 $y1] {
        set in $pts
        set pts {}
        set n [llength $in]
        if {$n < 6} { return {} }
        set px [lindex $in end-1]
        set py [lindex $in end]
        foreach {qx qy} $in {
            set pv [expr {$axis ? $py : $px}]
            set qv [expr {$axis ? $qy : $qx}]
            set pIn [expr {($pv - $v) * $side >= 0}]
            set qIn [expr {($qv - $v) * $side >= 0}]
            if {$pIn != $qIn} {
                set t [expr {($v - $pv) / double($qv - $pv)}]
                lappend pts [expr {$px + $t * ($qx - $px)}] \
                    [expr {$py + $t * ($qy - $py)}]
            }
            if {$qIn} { lappend pts $qx $qy }
            set px $qx
            set py $qy
        }
    }
    return $pts
}

# The routes' dashed lines, west to east through the anchors of each
# route's countries. Returns {route xy} pairs for RouteBoxes.
proc ::kiosk::ui::map::RouteLines {c map w h} {
    variable state
    set out {}
    foreach r $state($c,routes) {
        set pts {}
        foreach id [dict get $r countries] {
            set a [Anchor $c $map $id $w $h]
            if {$a ne ""} { lappend pts $a }
        }
        if {[llength $pts] < 2} { continue }
        set xy [concat {*}[lsort -real -index 0 $pts]]
        set id [dict get $r id]
        $c create line $xy -dash {12 6} -width 4 \
            -fill [::kiosk::ui::theme::color note] -arrow last \
            -arrowshape {16 18 7} -capstyle round \
            -tags [list route fact:$id t:$id routeline]
        lappend out [list $r $xy]
    }
    return $out
}

# Each route's name and figures in a box beside its line. Returns the nav
# items (the route, then its figures) and the ids of the states whose
# names a box had to take away.
proc ::kiosk::ui::map::RouteBoxes {c routes w h} {
    set fg [::kiosk::ui::theme::color fg]
    set items {}
    set moved {}
    foreach pair $routes {
        lassign $pair r xy
        set id [dict get $r id]
        lappend items [list $id t:$id]
        set lines [list [list [dict get $r name] KioskBold $fg \
            [list route fact:$id t:$id]]]
        foreach fig [dict get $r figures] {
            set fid [dict get $fig id]
            set text "[amount [dict get $fig value] [dict get $fig unit] \
                [dict get $fig approx]]  ([noteText [dict get $fig source]])"
            lappend lines [list $text KioskSmall $fg [list route fact:$fid t:$fid]]
            lappend items [list $fid t:$fid]
        }
        lappend lines [list [mc "a plan that was never built; the line is schematic"] \
            KioskSmall [::kiosk::ui::theme::color muted] [list route]]
        lappend moved {*}[RouteText $c $xy $lines $w $h]
    }
    return [list $items $moved]
}

# Stack LINES (text font fill tags) in a box beside the route line XY:
# under or over the middle of one of its legs, where nothing is covered.
proc ::kiosk::ui::map::RouteText {c xy lines w h} {
    set wd 0
    set ht 0
    foreach l $lines {
        lassign $l text font
        set wd [expr {max($wd, [font measure $font $text])}]
        set ht [expr {$ht + [font metrics $font -linespace]}]
    }
    set tries {}
    foreach {ax ay} [lrange $xy 0 end-2] {bx by} [lrange $xy 2 end] {
        if {$bx eq ""} { break }
        set mx [expr {($ax + $bx) / 2.0}]
        set my [expr {($ay + $by) / 2.0}]
        foreach dy [list 24 [expr {-24 - $ht}] 80 [expr {-80 - $ht}]] {
            foreach dx {0 -0.5 0.5} {
                lappend tries [list [expr {$mx - $wd / 2.0 + $dx * $wd}] \
                    [expr {$my + $dy}]]
            }
        }
    }
    # Failing a spot by the line, the canvas's emptier corners.
    lappend tries [list [expr {$w - $wd - 16}] 16] \
        [list [expr {$w - $wd - 16}] [expr {$h - $ht - 60}]] [list 16 16]
    set spot ""
    set least 1000
    foreach t $tries {
        lassign $t x0 y0
        set n [Crowd $c [expr {$x0 - 8}] [expr {$y0 - 6}] [expr {$x0 + $wd + 8}] \
            [expr {$y0 + $ht + 6}] $w $h routeline]
        if {$n < $least} {
            set least $n
            set spot $t
            if {$n == 0} { break }
        }
    }
    # None by the line: the free spot nearest to its first.
    if {$least > 0} {
        lassign [lindex $tries 0] fx fy
        set near ""
        for {set y0 8} {$y0 + $ht + 8 < $h} {incr y0 24} {
            for {set x0 8} {$x0 + $wd + 8 < $w} {incr x0 24} {
                set d [expr {hypot($x0 - $fx, $y0 - $fy)}]
                if {$near ne "" && $d >= $near} { continue }
                if {[Crowd $c [expr {$x0 - 8}] [expr {$y0 - 6}] [expr {$x0 + $wd + 8}] \
                        [expr {$y0 + $ht + 6}] $w $h routeline] == 0} {
                    set near $d
                    set spot [list $x0 $y0]
                    set least 0
                }
            }
        }
    }
    # No free spot: without the last line (the note), else where it
    # covers least.
    if {$least > 0 && [lindex $lines end 3] eq "route"} {
        return [RouteText $c $xy [lrange $lines 0 end-1] $w $h]
    }
    if {$spot eq ""} {
        lassign [lindex $tries 0] x0 y0
        set spot [list [expr {min(max($x0, 8), $w - $wd - 8)}] \
            [expr {min(max($y0, 8), $h - $ht - 8)}]]
    }
    lassign $spot x0 y0
    # Still no free spot (very large text on a small display): the box
    # goes where it covers least, and the state names under it are taken
    # away, to be placed again around it (Draw).
    set moved {}
    if {$least > 0} {
        foreach id [$c find overlapping [expr {$x0 - 9}] [expr {$y0 - 7}] \
                [expr {$x0 + $wd + 9}] [expr {$y0 + $ht + 7}]] {
            set cn [lsearch -inline -glob [$c gettags $id] cn:*]
            if {$cn ne ""} {
                lappend moved [string range $cn 3 end]
                $c delete $id
            }
        }
    }
    $c create rectangle [expr {$x0 - 6}] [expr {$y0 - 4}] \
        [expr {$x0 + $wd + 6}] [expr {$y0 + $ht + 4}] \
        -fill [::kiosk::ui::theme::color panel] \
        -outline [::kiosk::ui::theme::color note] -tags {route label}
    set yy $y0
    foreach l $lines {
        lassign $l text font fill tags
        $c create text [expr {$x0 + $wd / 2.0}] $yy -anchor n -text $text \
            -font $font -fill $fill -tags [concat $tags label]
        set yy [expr {$yy + [font metrics $font -linespace]}]
    }
    return $moved
}

# The names of the five states (REGION 1: bold capitals, always drawn) or
# of the neighbours (REGION 0: muted, only where there is room), at their
# label points or a line or two above or below; ONLY: the ids to place
# (all of them by default).
proc ::kiosk::ui::map::CountryNames {c map region w h {only *}} {
    set fill [::kiosk::ui::theme::color [expr {$region ? "fg" : "muted"}]]
    # The five names as big as the map allows: Tajikistan is small.
    set font KioskItalic
    if {$region} {
        set font [expr {$w >= 1200 ? "KioskHead" : "KioskBold"}]
    }
    dict for {id cty} [dict get $map countries] {
        if {[dict get $cty region] != $region} { continue }
        if {$only ne "*" && $id ni $only} { continue }
        set name [CountryName $c $id]
        if {$name eq ""} { set name [dict get $cty name] }
        if {$region} { set name [string toupper $name] }
        set pt [VisibleCentre $c $cty $w $h]
        if {$pt eq ""} { continue }
        lassign $pt x y
        # Near the label point, in the map's font, then in smaller ones
        # (the five); else left out.
        set spot ""
        set fonts [expr {$region ? [lsort -unique [list $font KioskBold KioskSmall]] : $font}]
        foreach f [concat $font [lsearch -all -inline -not -exact $fonts $font]] {
            set wd [font measure $f $name]
            set ht [font metrics $f -linespace]
            foreach dy [list 0 $ht -$ht [expr {2 * $ht}] [expr {-2 * $ht}]] {
                foreach dx [list 0 [expr {-$wd / 3.0}] [expr {$wd / 3.0}]] {
                    set x0 [expr {$x + $dx - $wd / 2.0}]
                    set y0 [expr {$y + $dy - $ht / 2.0}]
                    # Neighbours' names keep a word's width apart.
                    set gap [expr {$region ? 0 : 12}]
                    if {[Free $c [expr {$x0 - $gap}] $y0 [expr {$x0 + $wd + $gap}] \
                            [expr {$y0 + $ht}] $w $h]} {
                        set spot [list $x0 $y0 $f]
                        break
                    }
                }
                if {$spot ne ""} { break }
            }
            if {$spot ne ""} { break }
        }
        if {$spot eq ""} { continue }
        lassign $spot x0 y0 f
        $c create text $x0 $y0 -anchor nw -text $name -font $f -fill $fill \
            -tags [list countryname cn:$id label]
    }
}

# The key to the marks, bottom left, in rows that wrap upwards when the
# canvas is narrow; the source of the borders bottom right, else above
# the key, else top right, else left out.
proc ::kiosk::ui::map::Legend {c w h} {
    set fg [::kiosk::ui::theme::color fg]
    set font KioskSmall
    set ls [font metrics $font -linespace]
    set y [expr {$h - $ls - 10}]
    set x 16
    foreach {kind text} [list city [mc "city"] field [mc "gas field"] \
            river [mc "river"] route [mc "planned pipeline (schematic)"]] {
        set sw [expr {$kind eq "route" ? 48 : 26}]
        set need [expr {$sw + [font measure $font $text]}]
        if {$x > 16 && $x + $need > $w - 24} {
            set x 16
            set y [expr {$y - $ls - 8}]
        }
        set my [expr {$y + $ls / 2.0}]
        if {$kind eq "route"} {
            $c create line $x $my [expr {$x + 40}] $my -dash {12 6} -width 4 \
                -fill [::kiosk::ui::theme::color note] -tags legend
        } else {
            Mark $c $kind [expr {$x + 10}] $my legend
        }
        set id [$c create text [expr {$x + $sw}] $y -anchor nw -text $text \
            -font $font -fill $fg -tags legend]
        set x [expr {[lindex [$c bbox $id] 2] + 18}]
    }
    set box [$c bbox legend]
    lassign $box x0 y0 x1 y1
    set bg [$c create rectangle [expr {$x0 - 8}] [expr {$y0 - 6}] \
        [expr {$x1 + 8}] [expr {$y1 + 6}] \
        -fill [::kiosk::ui::theme::color panel] \
        -outline [::kiosk::ui::theme::color border] -tags legend]
    $c lower $bg legend
    set text [mc "Borders: Natural Earth (public domain)"]
    set cw [font measure $font $text]
    foreach {ax ay} [list [expr {$w - 10}] [expr {$h - 8}] \
            [expr {$w - 10}] [expr {$y0 - 12}] [expr {$w - 10}] [expr {$ls + 12}]] {
        if {[Free $c [expr {$ax - $cw}] [expr {$ay - $ls}] $ax $ay $w $h]} {
            $c create text $ax $ay -anchor se -font $font \
                -fill [::kiosk::ui::theme::color muted] -text $text \
                -tags {credit legend}
            break
        }
    }
}

proc ::kiosk::ui::map::Forget {c} {
    variable state
    array unset state [string map {* \\* ? \\? [ \\[ ] \\]} $c],*
}
