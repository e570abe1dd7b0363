function coursePlan(courses, prerequisites) {
    const after = Array.from({ length: courses }, () => []), waiting = new Array(courses).fill(0);
    for (const [a, b] of prerequisites) { after[b].push(a); waiting[a]++; }
    const ready = [];
    for (let i = 0; i < courses; i++) if (waiting[i] === 0) ready.push(i);
    let taken = 0;
    for (let h = 0; h < ready.length; h++) {
        taken++;
        for (const d of after[ready[h]]) if (--waiting[d] === 0) ready.push(d);
    }
    return taken === courses;
}
