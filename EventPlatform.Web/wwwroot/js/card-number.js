// The demo card form's number field: groups the digits as they are typed (4 4 4 4; American Express
// 4 6 5, as CardNumber.Group does on the server) and keeps the caret after the same digit. It runs
// before Blazor's own input listener (delegated to the document), so the circuit receives the grouped text.
const maxDigits = 19;

function group(digits) {
    const sizes = /^3[47]/.test(digits) ? [4, 6, 5] : [];
    const parts = [];
    for (let start = 0, i = 0; start < digits.length; i++) {
        const size = sizes[i] ?? 4;
        parts.push(digits.slice(start, start + size));
        start += size;
    }
    return parts.join(" ");
}

export function attach(inputId) {
    const input = document.getElementById(inputId);
    if (!input || input.dataset.cardNumber === "attached") {
        return;
    }
    input.dataset.cardNumber = "attached";
    input.addEventListener("input", () => {
        const caret = input.selectionStart ?? input.value.length;
        const digitsBeforeCaret = input.value.slice(0, caret).replace(/\D/g, "").length;
        const grouped = group(input.value.replace(/\D/g, "").slice(0, maxDigits));
        if (grouped === input.value) {
            return;
        }
        input.value = grouped;
        let position = 0;
        for (let seen = 0; position < grouped.length && seen < digitsBeforeCaret; position++) {
            if (grouped[position] !== " ") {
                seen++;
            }
        }
        if (document.activeElement === input) {
            input.setSelectionRange(position, position);
        }
    });
}
