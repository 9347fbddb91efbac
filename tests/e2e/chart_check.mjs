// Checks run in the page on the staircase chart (an <svg>), on screen, in print and as an exported file.

/**
 * Collisions in an SVG chart, from the boxes the browser computes for every <text> and every shape.
 * Rules: no text box meets another text box; a text box meets a shape only if it lies wholly inside a
 * background (`data-bg`): the chart's own, or that of the step it belongs to (`data-step`); a step's text
 * lies wholly inside its step's background; and every text lies inside the chart. Returns the problems
 * (empty when the layout is clean) and how many texts and shapes were checked.
 */
export function chartCollisions(svg) {
  const eps = 0.5;
  const box = (el) => {
    const b = el.getBBox();
    return { x: b.x, y: b.y, r: b.x + b.width, b: b.y + b.height };
  };
  const meets = (a, b) => a.x < b.r - eps && b.x < a.r - eps && a.y < b.b - eps && b.y < a.b - eps;
  const inside = (a, b) => a.x >= b.x - eps && a.r <= b.r + eps && a.y >= b.y - eps && a.b <= b.b + eps;
  const stepOf = (el) => el.closest('[data-step]')?.getAttribute('data-step') ?? null;
  const texts = [...svg.querySelectorAll('text')]
    .filter((t) => t.textContent.trim() !== '')
    .map((t) => ({ t: t.textContent, box: box(t), step: stepOf(t) }));
  const shapes = [...svg.querySelectorAll('rect, path, circle, ellipse, line, polygon, polyline')]
    .map((s) => ({ tag: s.tagName, box: box(s), bg: s.hasAttribute('data-bg'), step: stepOf(s) }));
  const vb = svg.viewBox.baseVal;
  const chart = { x: 0, y: 0, r: vb.width, b: vb.height };
  const problems = [];
  texts.forEach((a, i) => {
    if (!inside(a.box, chart)) problems.push(`«${a.t}» lies outside the chart`);
    for (const b of texts.slice(i + 1)) if (meets(a.box, b.box)) problems.push(`«${a.t}» overlaps «${b.t}»`);
    for (const s of shapes) {
      if (!meets(a.box, s.box)) continue;
      const own = s.bg && (s.step === null || s.step === a.step);
      if (!(own && inside(a.box, s.box))) {
        problems.push(`«${a.t}» (step ${a.step ?? '-'}) overlaps a ${s.bg ? 'background' : 'shape'} <${s.tag}> of step ${s.step ?? '-'}`);
      }
    }
    if (a.step !== null) {
      const bg = shapes.find((s) => s.bg && s.step === a.step);
      if (!bg || !inside(a.box, bg.box)) problems.push(`«${a.t}» sticks out of step ${a.step}`);
    }
  });
  return { problems, texts: texts.length, shapes: shapes.length };
}
