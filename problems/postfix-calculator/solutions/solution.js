function postfixCalculator(tokens) {
    const stack = [];
    for (const t of tokens) {
        if (t === '+' || t === '-' || t === '*' || t === '/') {
            const b = stack.pop(), a = stack.pop();
            stack.push(t === '+' ? a + b : t === '-' ? a - b : t === '*' ? a * b : Math.trunc(a / b));
        } else stack.push(Number(t));
    }
    return stack[0];
}
