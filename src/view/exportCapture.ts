// The view's side of image export (io/exportPipeline's ViewCapture): the map drawn at a chosen size with
// the camera on screen, the browser's canvas limits, and the map backdrop as SVG paths.
import type { ViewCapture } from "../io/exportPipeline";
import { backdropSvgPaths } from "./backdropSvg";
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
      return { land: style.land, border: style.border, landPath: paths.land, borderPath: paths.borders };
    },
  };
}
