function coursePlan(courses: number, prerequisites: number[][]): boolean {
    const after: number[][] = Array.from({ length: courses }, () => []);
    const waiting = new Array<number>(courses).fill(0);
    for (const [a, b] of prerequisites) {
        after[b].push(a);
        waiting[a]++;
    }
    const ready: number[] = [];
    for (let i = 0; i < courses; i++) if (waiting[i] === 0) ready.push(i);
    let taken = 0;
    for (let q = 0; q < ready.length; q++) {
        taken++;
        for (const d of after[ready[q]]) if (--waiting[d] === 0) ready.push(d);
    }
    return taken === courses;
}
