// The view's side of image export (io/exportPipeline's ViewCapture): the map drawn at a chosen size with
// the camera on screen, the browser's canvas limits, and the map backdrop as SVG paths.
import type { ViewCapture } from "../io/exportPipeline";
import { backdropSvgPaths } from "./backdropSvg";
import { PANEL_STYLE } from "../state/aggregatePanel";
import { GLYPH_COLOUR } from "./aggregateGlyph";
import { canvasLimits } from "./captureLayers";
import type { ViewSync } from "./sync";
import { DARK_BACKDROP, LIGHT_BACKDROP } from "./worldBackdrop";

export function createExportCapture(sync: ViewSync): ViewCapture {
  return {
    capture: ({ backdrop, ...rest }) =>
      sync.capture({ ...rest, backdrop: backdrop === "dark" ? DARK_BACKDROP : backdrop === "light" ? LIGHT_BACKDROP : null }),
    canvasLimits,
    svgBackdrop(dark) {
      const paths = backdropSvgPaths();
      const style = dark ? DARK_BACKDROP : LIGHT_BACKDROP;
      const theme = dark ? "dark" : "light";
      return {
        land: style.land,
        border: style.border,
        water: style.water,
        landPath: paths.land,
        borderPath: paths.borders,
        panel: { ...PANEL_STYLE[theme], glyph: GLYPH_COLOUR[theme] },
      };
    },
  };
}
