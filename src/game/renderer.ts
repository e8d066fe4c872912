import Phaser from 'phaser';

/**
 * WebGL when the browser has a real GPU; Canvas when WebGL would be software-rendered
 * (SwiftShader, llvmpipe): there the Canvas renderer keeps 60 fps where WebGL drops to ~12.
 * `?renderer=webgl|canvas` forces one.
 */
export function pickRenderer(search: string): number {
  const forced = new URLSearchParams(search).get('renderer');
  if (forced === 'webgl') return Phaser.WEBGL;
  if (forced === 'canvas') return Phaser.CANVAS;
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return Phaser.CANVAS;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software|basic render/i.test(name) ? Phaser.CANVAS : Phaser.WEBGL;
  } catch {
    return Phaser.CANVAS;
  }
}
