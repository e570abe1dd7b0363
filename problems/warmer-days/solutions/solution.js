function warmerDays(temps) {
    const out = new Array(temps.length).fill(0), stack = [];
    temps.forEach((t, i) => {
        while (stack.length && temps[stack[stack.length - 1]] < t) {
            const j = stack.pop();
            out[j] = i - j;
        }
        stack.push(i);
    });
    return out;
}
