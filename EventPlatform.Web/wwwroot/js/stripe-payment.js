// Stripe Elements for the checkout page: card data goes from the browser to Stripe directly and
// never reaches our server. Loaded only when the Stripe gateway is configured.
let stripe = null;
let elements = null;

function loadStripeJs() {
    if (window.Stripe) {
        return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = "https://js.stripe.com/v3/";
        script.onload = resolve;
        script.onerror = () => reject(new Error("Stripe could not be loaded."));
        document.head.appendChild(script);
    });
}

export async function mount(publishableKey, clientSecret, elementId) {
    await loadStripeJs();
    stripe = window.Stripe(publishableKey);
    elements = stripe.elements({ clientSecret });
    elements.create("payment").mount("#" + elementId);
}

// Confirms in the page; returns null on success or the message to show next to the form.
export async function confirm(returnUrl) {
    if (!stripe || !elements) {
        return "The payment form is not ready yet.";
    }
    const result = await stripe.confirmPayment({ elements, redirect: "if_required", confirmParams: { return_url: returnUrl } });
    return result.error ? (result.error.message || "The payment did not go through.") : null;
}
