// auth-service publishes no OpenAPI document (it has no springdoc), so these mirror its records by hand:
// SessionController.SessionView and AccountController.AccountView / SignupRequest / ChangePasswordRequest.
export interface components {
  schemas: {
    AccountView: {
      id: string
      email: string
      displayName: string
      roles: string[]
      status: 'ACTIVE' | 'DISABLED'
      createdAt: string
    }
    SessionView: {
      id: string
      createdAt: string
      lastUsedAt: string | null
      userAgent: string
      address: string
      current: boolean
    }
    SignupRequest: { email: string; password: string; displayName: string }
    ChangePasswordRequest: { currentPassword: string; newPassword: string }
  }
}
