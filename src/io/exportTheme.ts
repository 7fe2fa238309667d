// Colours of an exported image per background: white (print), transparent (slides with their own
// background) and dark (dark slides; text and map switch to light-on-dark).
export const EXPORT_BACKGROUNDS = ["white", "transparent", "dark"] as const;
export type ExportBackground = (typeof EXPORT_BACKGROUNDS)[number];

export interface ExportTheme {
  /** Page fill; null = transparent. */
  page: string | null;
  /** Fill of the map panel (the sea); null = none. */
  water: string | null;
  /** Title, legend text and width samples. */
  ink: string;
  /** Caption and footer. */
  muted: string;
  /** Legend panel fill and border; null = none. */
  panel: string | null;
  panelBorder: string;
  /** Node labels on the map. */
  label: string;
  /** Halo behind text drawn over the map (empty = none). */
  halo: string;
  /** Halo behind the title, caption, legend and footer (empty = none): keeps dark text readable on a dark slide. */
  textHalo: string;
  /** Whether to use the dark map backdrop. */
  dark: boolean;
  /** Ring round each place's dot (empty = none): a dark-blue market dot stays visible on a dark page or slide. */
  dotHalo: string;
}

export const EXPORT_THEMES: Record<ExportBackground, ExportTheme> = {
  white: {
    page: "#ffffff",
    water: "#f7f9fb",
    ink: "#1c2833",
    muted: "#4d5b69",
    panel: "#ffffff",
    panelBorder: "#c9d1d9",
    label: "#1c2833",
    halo: "#ffffff",
    textHalo: "",
    dark: false,
    dotHalo: "",
  },
  // On a slide of any colour: dark text with a white halo, the legend on a near-opaque white panel.
  transparent: {
    page: null,
    water: null,
    ink: "#1c2833",
    muted: "#3e4a56",
    panel: "rgba(255,255,255,0.92)",
    panelBorder: "#c9d1d9",
    label: "#1c2833",
    halo: "#ffffff",
    textHalo: "rgba(255,255,255,0.92)",
    dark: false,
    dotHalo: "rgba(255,255,255,0.9)",
  },
  dark: {
    page: "#14181d",
    water: "#1b1f24",
    ink: "#eef2f6",
    muted: "#b8c2cc",
    panel: "#1f252c",
    panelBorder: "#3b4550",
    label: "#eef2f6",
    halo: "#14181d",
    textHalo: "",
    dark: true,
    dotHalo: "rgba(238,242,246,0.85)",
  },
};

/** Splits a CSS colour (#rgb, #rrggbb, rgb(), rgba()) into a hex paint and an opacity, for SVG readers without rgba(). */
export function splitColour(colour: string): { paint: string; opacity: number } {
  const c = colour.trim();
  const rgba = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(c);
  if (rgba) {
    const hex = [rgba[1], rgba[2], rgba[3]]
      .map((v) =>
        Math.round(Math.min(255, Number(v)))
          .toString(16)
          .padStart(2, "0"),
      )
      .join("");
    return { paint: `#${hex}`, opacity: rgba[4] === undefined ? 1 : Math.min(1, Number(rgba[4])) };
  }
  if (/^#[0-9a-f]{3}$/i.test(c)) return { paint: `#${[...c.slice(1)].map((x) => x + x).join("")}`.toLowerCase(), opacity: 1 };
  if (/^#[0-9a-f]{6}$/i.test(c)) return { paint: c.toLowerCase(), opacity: 1 };
  if (/^#[0-9a-f]{8}$/i.test(c)) return { paint: c.slice(0, 7).toLowerCase(), opacity: parseInt(c.slice(7), 16) / 255 };
  return { paint: "#7f8c8d", opacity: 1 };
}
