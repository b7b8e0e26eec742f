//! Line charts as SVG for docs/performance.md: a title and a description for screen readers, axes
//! with their units, one line per series with its name beside it (never colour alone: each series
//! also has its own dash pattern and point shape).

use std::fmt::Write;

pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
}

pub struct Chart<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub x_label: &'a str,
    pub y_label: &'a str,
    /// Whether x grows by multiples (connections 1–256, data 1×–100×): then its axis is logarithmic.
    pub log_x: bool,
    pub series: Vec<Series>,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 360.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 170.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 50.0;
const DASHES: [&str; 4] = ["", "6 4", "2 3", "10 3 2 3"];
const COLOURS: [&str; 4] = ["#0066cc", "#b35900", "#2e7d32", "#6a1b9a"];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A round step for about five ticks up to `max`.
fn step_for(max: f64) -> f64 {
    let rough = max / 5.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= rough)
        .unwrap_or(10.0 * magnitude)
}

impl Chart<'_> {
    pub fn svg(&self) -> String {
        let xs: Vec<f64> = self.series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).collect();
        let ys: Vec<f64> = self.series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).collect();
        let scale_x = |x: f64| if self.log_x { x.max(1e-9).log10() } else { x };
        let (x_min, x_max) = xs.iter().fold((f64::MAX, f64::MIN), |(lo, hi), x| {
            (lo.min(scale_x(*x)), hi.max(scale_x(*x)))
        });
        let (x_min, x_max) = if x_max > x_min {
            (x_min, x_max)
        } else {
            (x_min - 1.0, x_min + 1.0)
        };
        let y_top = ys.iter().cloned().fold(0.0, f64::max).max(1e-9) * 1.1;
        let y_step = step_for(y_top);
        let y_top = (y_top / y_step).ceil() * y_step;
        let plot_w = WIDTH - LEFT - RIGHT;
        let plot_h = HEIGHT - TOP - BOTTOM;
        let px = |x: f64| LEFT + (scale_x(x) - x_min) / (x_max - x_min) * plot_w;
        let py = |y: f64| TOP + plot_h - y / y_top * plot_h;

        let mut svg = String::new();
        let _ = write!(
            svg,
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="t d" font-family="sans-serif" font-size="12">
<title id="t">{}</title>
<desc id="d">{}</desc>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="{LEFT}" y="22" font-size="15" font-weight="bold" fill="#1a1a1a">{}</text>
"##,
            escape(self.title),
            escape(self.description),
            escape(self.title)
        );
        let mut y = 0.0;
        while y <= y_top + y_step / 2.0 {
            let _ = writeln!(
                svg,
                r##"<line x1="{LEFT}" x2="{}" y1="{py:.1}" y2="{py:.1}" stroke="#d9d9d9"/><text x="{}" y="{:.1}" text-anchor="end" fill="#1a1a1a">{}</text>"##,
                LEFT + plot_w,
                LEFT - 6.0,
                py(y) + 4.0,
                trim_number(y),
                py = py(y)
            );
            y += y_step;
        }
        let mut ticks: Vec<f64> = xs.clone();
        ticks.sort_by(f64::total_cmp);
        ticks.dedup();
        for x in ticks {
            let _ = writeln!(
                svg,
                r##"<text x="{:.1}" y="{}" text-anchor="middle" fill="#1a1a1a">{}</text>"##,
                px(x),
                TOP + plot_h + 18.0,
                trim_number(x)
            );
        }
        let _ = write!(
            svg,
            r##"<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{}" stroke="#1a1a1a"/><line x1="{LEFT}" x2="{}" y1="{}" y2="{}" stroke="#1a1a1a"/>
<text x="{}" y="{}" text-anchor="middle" fill="#1a1a1a">{}</text>
<text transform="translate(16 {}) rotate(-90)" text-anchor="middle" fill="#1a1a1a">{}</text>
"##,
            TOP + plot_h,
            LEFT + plot_w,
            TOP + plot_h,
            TOP + plot_h,
            LEFT + plot_w / 2.0,
            HEIGHT - 12.0,
            escape(self.x_label),
            TOP + plot_h / 2.0,
            escape(self.y_label)
        );
        for (i, series) in self.series.iter().enumerate() {
            let colour = COLOURS[i % COLOURS.len()];
            let dash = DASHES[i % DASHES.len()];
            let points: Vec<String> = series
                .points
                .iter()
                .map(|(x, y)| format!("{:.1},{:.1}", px(*x), py(*y)))
                .collect();
            let _ = writeln!(
                svg,
                r##"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>"##,
                points.join(" ")
            );
            for (x, y) in &series.points {
                let (cx, cy) = (px(*x), py(*y));
                let mark = match i % 4 {
                    0 => format!(r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="3.5" fill="{colour}"/>"##),
                    1 => format!(
                        r##"<rect x="{:.1}" y="{:.1}" width="7" height="7" fill="{colour}"/>"##,
                        cx - 3.5,
                        cy - 3.5
                    ),
                    2 => format!(
                        r##"<path d="M{cx:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z" fill="{colour}"/>"##,
                        cy - 4.5,
                        cx + 4.5,
                        cy + 3.5,
                        cx - 4.5,
                        cy + 3.5
                    ),
                    _ => format!(
                        r##"<path d="M{cx:.1} {:.1} L{:.1} {cy:.1} L{cx:.1} {:.1} L{:.1} {cy:.1} Z" fill="{colour}"/>"##,
                        cy - 4.5,
                        cx + 4.5,
                        cy + 4.5,
                        cx - 4.5
                    ),
                };
                svg.push_str(&mark);
            }
            if let Some((x, y)) = series.points.last() {
                let _ = write!(
                    svg,
                    r##"
<text x="{:.1}" y="{:.1}" fill="{colour}">{}</text>
"##,
                    px(*x) + 8.0,
                    py(*y) + 4.0 + 14.0 * i as f64 - 7.0 * (self.series.len() as f64 - 1.0),
                    escape(&series.name)
                );
            }
        }
        svg.push_str("</svg>\n");
        svg
    }
}

fn trim_number(value: f64) -> String {
    if value >= 100.0 || value.fract() == 0.0 {
        format!("{value:.0}")
    } else if value >= 1.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_names_its_series_and_says_what_it_shows() {
        let chart = Chart {
            title: "Latenza <p99>",
            description: "Due serie",
            x_label: "Connessioni",
            y_label: "ms",
            log_x: true,
            series: vec![
                Series {
                    name: "Pagina".into(),
                    points: vec![(1.0, 2.0), (64.0, 30.0)],
                },
                Series {
                    name: "Tetto".into(),
                    points: vec![(1.0, 1.0), (64.0, 3.0)],
                },
            ],
        };
        let svg = chart.svg();
        assert!(svg.contains("<title id=\"t\">Latenza &lt;p99&gt;</title>"));
        assert!(svg.contains(">Pagina</text>") && svg.contains(">Tetto</text>"));
        assert!(svg.contains("stroke-dasharray=\"6 4\""), "the second series is dashed");
        assert_eq!(step_for(33.0), 10.0);
    }
}
