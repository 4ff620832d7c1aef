// Camera QR scanning for the check-in screen: frames from the camera are decoded in the browser
// with jsQR (bundled under /lib/jsqr, no CDN) and each new code is handed to .NET.
let stream = null;
let timer = null;

function loadDecoder() {
    if (window.jsQR) {
        return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = "/lib/jsqr/jsQR.js";
        script.onload = resolve;
        script.onerror = () => reject(new Error("The QR decoder could not be loaded."));
        document.head.appendChild(script);
    });
}

function decode(source, width, height) {
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(source, 0, 0, width, height);
    const pixels = context.getImageData(0, 0, width, height);
    const found = window.jsQR(pixels.data, width, height, { inversionAttempts: "attemptBoth" });
    return found ? found.data : null;
}

export async function start(video, dotnet) {
    await loadDecoder();
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    video.srcObject = stream;
    await video.play();
    let last = null;
    let lastAt = 0;
    timer = setInterval(() => {
        if (video.readyState < 2 || !video.videoWidth) {
            return;
        }
        const code = decode(video, video.videoWidth, video.videoHeight);
        // The same code held in front of the camera is reported once every 3 seconds, not every frame.
        if (code && (code !== last || Date.now() - lastAt > 3000)) {
            last = code;
            lastAt = Date.now();
            dotnet.invokeMethodAsync("OnCodeScanned", code);
        }
    }, 200);
}

export function stop() {
    if (timer) {
        clearInterval(timer);
        timer = null;
    }
    if (stream) {
        stream.getTracks().forEach(track => track.stop());
        stream = null;
    }
}

// Decodes a QR image given as a URL (tests use it on a ticket's QR image).
export async function decodeImageUrl(url) {
    await loadDecoder();
    const image = new Image();
    image.src = url;
    await image.decode();
    return decode(image, image.naturalWidth, image.naturalHeight);
}

// A short tone after each scan when the station turned sound on: high for admitted, low for refused.
let audio = null;
export function beep(admitted) {
    audio = audio || new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = admitted ? 880 : 220;
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + (admitted ? 0.15 : 0.4));
}
