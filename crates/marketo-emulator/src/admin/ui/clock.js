// The emulator's clock: what time it is there (it may be a manual clock a test moves), and moving it
// forward (token expiry, the rate window, the daily quota's midnight and bulk jobs all follow it).

import * as api from './api.js';
import { byId, dateTime } from './dom.js';

/** The clock in the page's header, bound to `#clock-now` and `#clock-form`. */
export class Clock {
  constructor({ onMoved }) {
    this.onMoved = onMoved;
    this.now = byId('clock-now');
    this.message = byId('clock-message');
    const form = byId('clock-form');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.advance(Number(form.elements.seconds.value));
    });
    for (const button of document.querySelectorAll('[data-advance]')) {
      button.addEventListener('click', () => this.advance(Number(button.dataset.advance)));
    }
  }

  /** Show the emulator's time (`now` of a usage or clock answer). */
  show(iso) {
    this.now.textContent = dateTime(iso);
    this.now.setAttribute('datetime', iso);
  }

  async refresh() {
    const clock = await api.get('/clock');
    this.show(clock.now);
  }

  async advance(seconds) {
    if (!Number.isFinite(seconds) || seconds < 0) {
      this.message.textContent = 'seconds must be a number ≥ 0';
      return;
    }
    try {
      const moved = await api.post('/clock/advance', { seconds });
      this.show(moved.now);
      this.message.textContent = `+${seconds} s`;
      this.onMoved();
    } catch (e) {
      this.message.textContent = e.message;
    }
  }
}
