function largestBarRectangle(bars) {
    const stack = [];
    let best = 0;
    for (let i = 0; i <= bars.length; i++) {
        const h = i === bars.length ? 0 : bars[i];
        while (stack.length && bars[stack[stack.length - 1]] > h) {
            const height = bars[stack.pop()];
            const width = stack.length ? i - stack[stack.length - 1] - 1 : i;
            best = Math.max(best, height * width);
        }
        stack.push(i);
    }
    return best;
}
